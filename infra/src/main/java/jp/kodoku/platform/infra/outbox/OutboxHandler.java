package jp.kodoku.platform.infra.outbox;

/**
 * Carries out one kind of outbox work (a mail, a webhook delivery). Declared as a Spring bean; the worker hands it every
 * due row of its kind, inside the transaction that holds the row's lock.
 *
 * <p>Return normally only when the remote side has accepted the work: the row is then marked done. Throw to try again
 * later (with back-off, up to {@code platform.outbox.max-attempts}); throw {@link PermanentFailure} when trying again
 * cannot help (an address the relay refuses for good). A crash while the handler runs leaves the row pending, so the
 * work is repeated: handlers must tolerate that (the mail's {@code Message-ID} stays the same, for instance).
 */
public interface OutboxHandler<T> {

    /** The kind this handler carries out, as given to {@link Outbox#enqueue}: "mail", "newsletter.issue-mail", … */
    String kind();

    /** The payload's type: the row's JSON is read into it. */
    Class<T> payloadType();

    void handle(OutboxItem<T> item) throws Exception;
}
