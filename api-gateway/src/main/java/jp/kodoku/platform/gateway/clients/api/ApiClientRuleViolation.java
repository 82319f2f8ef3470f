package jp.kodoku.platform.gateway.clients.api;

import jp.kodoku.platform.infra.errors.RuleViolation;

/** A command that the app's current state does not allow (answered with 409 Conflict). */
public class ApiClientRuleViolation extends RuleViolation {

    public ApiClientRuleViolation(String message) {
        super(message);
    }
}
