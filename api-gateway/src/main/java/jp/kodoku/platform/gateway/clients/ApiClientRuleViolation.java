package jp.kodoku.platform.gateway.clients;

/** A command that the app's current state does not allow (answered with 409 Conflict). */
public class ApiClientRuleViolation extends RuntimeException {

    public ApiClientRuleViolation(String message) {
        super(message);
    }
}
