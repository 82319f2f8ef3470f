package jp.kodoku.platform.gateway.clients.api;

import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.InvalidInput;

import java.util.List;

/** A registration with bad fields: every one is named at once (answered with 400). */
public class InvalidApiClientInput extends InvalidInput {

    public InvalidApiClientInput(List<FieldViolation> violations) {
        super(violations);
    }
}
