package jp.kodoku.platform.newsletter.api;

import jp.kodoku.platform.infra.errors.RuleViolation;

/** A command the current state does not allow (answered with 409 Conflict). */
public class NewsletterRuleViolation extends RuleViolation {

    public NewsletterRuleViolation(String message) {
        super(message);
    }
}
