package jp.kodoku.platform.gateway.pages;

import jp.kodoku.platform.gateway.security.Caller;

import java.util.List;

/**
 * Who looks at a page, as the header shows it: signed in or not, the name to greet, and the navigation links this
 * person may follow.
 */
public record Viewer(boolean signedIn, String name, Caller caller, List<PageLink> navigation) {

    public boolean isSecretariat() {
        return caller.isSecretariat();
    }

    public boolean isMemberAdmin() {
        return caller.roles().contains(Caller.MEMBER_ADMIN);
    }
}
