package jp.kodoku.platform.events.api;

import jp.kodoku.platform.infra.errors.RuleViolation;

/** A command the event's current state does not allow (answered with 409 Conflict). */
public class EventRuleViolation extends RuleViolation {

    public EventRuleViolation(String message) {
        super(message);
    }
}
