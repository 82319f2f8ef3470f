package jp.kodoku.platform.gateway.pages;

/**
 * An entry of the navigation in every page's header, declared by a module as a bean. The header shows it to everyone
 * when {@code role} is null, else only to viewers holding that realm role.
 *
 * @param label Japanese text of the link
 * @param path  where it leads, e.g. {@code /directory}
 * @param role  the realm role that sees it, or null for everyone
 * @param order position from the left; the platform's own links use multiples of 10
 */
public record PageLink(String label, String path, String role, int order) {

    public static PageLink forEveryone(String label, String path, int order) {
        return new PageLink(label, path, null, order);
    }

    public static PageLink forRole(String role, String label, String path, int order) {
        return new PageLink(label, path, role, order);
    }
}
