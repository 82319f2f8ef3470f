package jp.kodoku.platform.infra.outbox;

/** The {@code state} column of the outbox. */
public enum OutboxState {
    /** waiting to be handled, now or at {@code next_attempt_at} */
    PENDING,
    /** the remote side accepted it */
    DONE,
    /** given up: the last error says why; {@link Outbox#retry} puts it back */
    FAILED;

    String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
