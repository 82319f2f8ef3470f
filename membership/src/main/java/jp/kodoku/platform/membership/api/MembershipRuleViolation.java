package jp.kodoku.platform.membership.api;

/** A command that the organization's current state does not allow (answered with 409 Conflict). */
public class MembershipRuleViolation extends RuntimeException {

    public MembershipRuleViolation(String message) {
        super(message);
    }
}
