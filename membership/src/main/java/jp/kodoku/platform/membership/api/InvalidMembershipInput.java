package jp.kodoku.platform.membership.api;

import java.util.List;

/** Input that breaks the rules of the data itself (answered with 400, naming every bad field). */
public class InvalidMembershipInput extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidMembershipInput(List<FieldViolation> violations) {
        super("invalid input: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
