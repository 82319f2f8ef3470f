package jp.kodoku.platform.gateway.idempotency;

public class IdempotencyKeyReused extends RuntimeException {
    public IdempotencyKeyReused() {
        super("this Idempotency-Key was already used for a different request; use a new key for a new request");
    }
}
