package jp.kodoku.platform.infra.errors;

import java.util.Map;

/**
 * A command that the current state does not allow (the API answers 409). A rule with a name and facts of its own (a
 * duplicate, erased personal data) overrides {@link #type()}, {@link #title()} and {@link #facts()}; the gateway
 * still maps only this type.
 */
public class RuleViolation extends RuntimeException {

    public RuleViolation(String message) {
        super(message);
    }

    /** The problem type: the last segment of its URL. */
    public String type() {
        return "rule-violation";
    }

    public String title() {
        return "Not allowed in the current state";
    }

    /** Extra members of the problem, for a client to act on (e.g. the id of what is in the way). */
    public Map<String, Object> facts() {
        return Map.of();
    }
}
