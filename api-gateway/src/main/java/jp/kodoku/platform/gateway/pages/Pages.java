package jp.kodoku.platform.gateway.pages;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jp.kodoku.platform.gateway.security.Caller;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

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
    private final MessageSource messages;

    public Pages(List<PageLink> links, MessageSource messages) {
        this.links = links.stream().sorted(Comparator.comparingInt(PageLink::order)).toList();
        this.messages = messages;
    }

    public Viewer viewer() {
        Caller caller = Caller.current();
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = auth instanceof OAuth2AuthenticationToken;
        String name = signedIn && auth.getPrincipal() instanceof OidcUser user && user.getFullName() != null
                ? user.getFullName() : caller.principal();
        List<PageLink> visible = links.stream()
                                      .filter(link -> link.role() == null || caller.roles().contains(link.role()))
                                      .map(this::inPageLanguage)
                                      .toList();
        return new Viewer(signedIn, name, caller, visible);
    }

    /** A module's link in English when the bundle has it ({@code nav./directory=…}), else as the module named it. */
    private PageLink inPageLanguage(PageLink link) {
        if (!PageLanguage.english()) {
            return link;
        }
        String label = messages.getMessage("nav." + link.path(), null, link.label(), PageLanguage.ENGLISH);
        return new PageLink(label, link.path(), link.role(), link.order());
    }

    public String platformName() {
        return PageLanguage.english() ? messages.getMessage("platform.name", null, PageLanguage.ENGLISH) : PLATFORM_NAME;
    }

    public String secretariatName() {
        return PageLanguage.english() ? messages.getMessage("platform.secretariat", null, PageLanguage.ENGLISH)
                : SECRETARIAT_NAME;
    }

    /**
     * The page being shown, as a path of this site with its query: where the language switch comes back to. An error
     * page comes back to the address that failed.
     */
    public String here() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return "/";
        }
        HttpServletRequest request = attributes.getRequest();
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed
                ? failed : request.getRequestURI();
        String query = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) == null ? request.getQueryString() : null;
        path = path.substring(Math.min(path.length(), request.getContextPath().length()));
        return query == null ? path : path + "?" + query;
    }
}
