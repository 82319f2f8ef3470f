package jp.kodoku.platform.infra.outbox;

/** Thrown by an {@link OutboxHandler} when trying again cannot help: the row is marked failed at once. */
public class PermanentFailure extends RuntimeException {

    public PermanentFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public PermanentFailure(String message) {
        super(message);
    }
}
