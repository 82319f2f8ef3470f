package jp.kodoku.platform.gateway.pages;

import jp.kodoku.platform.gateway.security.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;

/**
 * What every page's layout needs, reachable from templates as {@code ${@pages.viewer()}} so that error pages, which
 * no page controller renders, show the same header.
 */
@Component("pages")
public class Pages {

    /** The platform's name in the header and the title of every page. */
    public static final String PLATFORM_NAME = "孤独・孤立対策官民連携プラットフォーム";
    /** Who runs it, in the footer. */
    public static final String SECRETARIAT_NAME = "孤独・孤立対策官民連携プラットフォーム事務局（内閣府 孤独・孤立対策推進室）";

    private final List<PageLink> links;

    public Pages(List<PageLink> links) {
        this.links = links.stream().sorted(Comparator.comparingInt(PageLink::order)).toList();
    }

    public Viewer viewer() {
        Caller caller = Caller.current();
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = auth instanceof OAuth2AuthenticationToken;
        String name = signedIn && auth.getPrincipal() instanceof OidcUser user && user.getFullName() != null
                ? user.getFullName() : caller.principal();
        List<PageLink> visible = links.stream()
                                      .filter(link -> link.role() == null || caller.roles().contains(link.role()))
                                      .toList();
        return new Viewer(signedIn, name, caller, visible);
    }

    public String platformName() {
        return PLATFORM_NAME;
    }

    public String secretariatName() {
        return SECRETARIAT_NAME;
    }
}
