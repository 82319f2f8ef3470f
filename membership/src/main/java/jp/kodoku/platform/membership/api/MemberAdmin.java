package jp.kodoku.platform.membership.api;

import java.util.List;

/**
 * One member admin's account, as the identity provider has it now.
 *
 * @param pendingActions what the person still has to do before signing in (e.g. UPDATE_PASSWORD, VERIFY_EMAIL)
 */
public record MemberAdmin(String id, String username, String email, boolean enabled, List<String> pendingActions) {
}
