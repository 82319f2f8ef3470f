package jp.kodoku.platform.gateway.security;

import org.springframework.security.access.AccessDeniedException;

/** Object-level checks, called at the top of every handler that touches one organization. */
public final class Access {

    private Access() {
    }

    public static Caller requireSecretariat() {
        Caller caller = Caller.current();
        if (!caller.isSecretariat()) {
            throw new AccessDeniedException("only the secretariat (事務局) may do this");
        }
        return caller;
    }

    public static Caller requireActsFor(String organizationId) {
        Caller caller = Caller.current();
        if (!caller.actsFor(organizationId)) {
            throw new AccessDeniedException("you may act only for your own organization");
        }
        return caller;
    }
}
