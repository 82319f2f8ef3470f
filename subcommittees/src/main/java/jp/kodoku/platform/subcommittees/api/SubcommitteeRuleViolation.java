package jp.kodoku.platform.subcommittees.api;

import jp.kodoku.platform.infra.errors.RuleViolation;

/** A command the subcommittee's current state does not allow (409). */
public class SubcommitteeRuleViolation extends RuleViolation {

    public SubcommitteeRuleViolation(String message) {
        super(message);
    }
}
