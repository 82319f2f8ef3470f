package jp.kodoku.platform.membership.api;

import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.InvalidInput;

import java.util.List;

/** Input that breaks the rules of the data itself (answered with 400, naming every bad field). */
public class InvalidMembershipInput extends InvalidInput {

    public InvalidMembershipInput(List<FieldViolation> violations) {
        super(violations);
    }
}
