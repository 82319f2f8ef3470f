package jp.kodoku.platform.activity.api;

import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.InvalidInput;

import java.util.List;

/** A feed request the rules refuse: a bad cursor, time range or filter. */
public class InvalidActivityInput extends InvalidInput {

    public InvalidActivityInput(String field, String message) {
        super(field, message);
    }

    public InvalidActivityInput(List<FieldViolation> violations) {
        super(violations);
    }
}
