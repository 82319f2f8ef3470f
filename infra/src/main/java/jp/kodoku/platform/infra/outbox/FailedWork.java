package jp.kodoku.platform.infra.outbox;

/** A unit of work given up: its dedupe key and the last error (the remote side's answer). */
public record FailedWork(String dedupeKey, String lastError) {
}
