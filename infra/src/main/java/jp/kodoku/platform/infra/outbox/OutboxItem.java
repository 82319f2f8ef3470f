package jp.kodoku.platform.infra.outbox;

/**
 * One row of the outbox as its handler sees it. {@code attempt} counts from 1; more than 1 means an earlier attempt
 * failed (or a node died during it).
 */
public record OutboxItem<T>(long id, String kind, String dedupeKey, T payload, int attempt) {
}
