package jp.kodoku.platform.webhooks.api;

import jp.kodoku.platform.infra.errors.RuleViolation;

/** A command the subscription's state does not allow (answered with 409). */
public class WebhookRuleViolation extends RuleViolation {

    public WebhookRuleViolation(String message) {
        super(message);
    }
}
