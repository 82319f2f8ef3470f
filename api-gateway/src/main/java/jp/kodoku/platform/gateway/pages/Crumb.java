package jp.kodoku.platform.gateway.pages;

import java.util.List;

/**
 * One step of a page's breadcrumbs (the layout starts them with the top page and marks the last as the current
 * page). A controller puts them in the model as {@code crumbs}.
 */
public record Crumb(String label, String path) {

    public static List<Crumb> trail(Crumb... steps) {
        return List.of(steps);
    }

    public static Crumb to(String label, String path) {
        return new Crumb(label, path);
    }

    /** The page itself: last in the trail, not a link. */
    public static Crumb here(String label) {
        return new Crumb(label, null);
    }
}
