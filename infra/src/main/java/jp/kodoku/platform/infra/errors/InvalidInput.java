package jp.kodoku.platform.infra.errors;

import java.util.List;

/**
 * Input that breaks the rules of the data itself, every bad field named at once (the API answers 400 with the list).
 * Each module's own kinds of invalid input extend it, so the gateway maps this one type for all of them.
 */
public class InvalidInput extends RuntimeException {

    private final transient List<FieldViolation> violations;

    public InvalidInput(List<FieldViolation> violations) {
        super("invalid input: " + violations);
        this.violations = List.copyOf(violations);
    }

    /** One bad field. */
    public InvalidInput(String field, String message) {
        this(List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
