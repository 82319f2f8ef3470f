package jp.kodoku.platform.subcommittees.api;

import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.InvalidInput;

import java.util.List;

/** Input that breaks the rules of the data itself (400, naming every bad field). */
public class InvalidSubcommitteeInput extends InvalidInput {

    public InvalidSubcommitteeInput(List<FieldViolation> violations) {
        super(violations);
    }

    public InvalidSubcommitteeInput(String field, String message) {
        super(field, message);
    }
}
