package jp.kodoku.platform.webhooks.api;

import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.InvalidInput;

import java.util.List;

/** A subscription or replay with bad fields: every one is named at once (answered with 400). */
public class InvalidWebhookInput extends InvalidInput {

    public InvalidWebhookInput(List<FieldViolation> violations) {
        super(violations);
    }
}
