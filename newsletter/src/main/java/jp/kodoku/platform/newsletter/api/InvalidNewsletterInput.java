package jp.kodoku.platform.newsletter.api;

import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.InvalidInput;

import java.util.List;

/** Input that breaks the rules of an issue or an item (answered with 400, naming every bad field). */
public class InvalidNewsletterInput extends InvalidInput {

    public InvalidNewsletterInput(List<FieldViolation> violations) {
        super(violations);
    }

    public InvalidNewsletterInput(String field, String message) {
        super(field, message);
    }
}
