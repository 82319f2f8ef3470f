package jp.kodoku.platform.events.api;

import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.InvalidInput;

import java.util.List;

/** Input that breaks the rules of an event or a registration (answered with 400, naming every bad field). */
public class InvalidEventInput extends InvalidInput {

    public InvalidEventInput(List<FieldViolation> violations) {
        super(violations);
    }

    public InvalidEventInput(String field, String message) {
        super(field, message);
    }
}
