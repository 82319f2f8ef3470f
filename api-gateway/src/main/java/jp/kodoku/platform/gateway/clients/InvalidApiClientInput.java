package jp.kodoku.platform.gateway.clients;

import jp.kodoku.platform.membership.api.FieldViolation;

import java.util.List;

/** A registration with bad fields: every one is named at once (answered with 400). */
public class InvalidApiClientInput extends RuntimeException {

    private final transient List<FieldViolation> violations;

    public InvalidApiClientInput(List<FieldViolation> violations) {
        super(violations.size() + " invalid field(s)");
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
