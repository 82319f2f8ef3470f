package jp.kodoku.platform.membership.api;

import jp.kodoku.platform.infra.errors.RuleViolation;

/** A command that the organization's current state does not allow (answered with 409 Conflict). */
public class MembershipRuleViolation extends RuleViolation {

    public MembershipRuleViolation(String message) {
        super(message);
    }
}
