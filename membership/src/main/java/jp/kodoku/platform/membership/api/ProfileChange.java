package jp.kodoku.platform.membership.api;

import java.time.Instant;

/** One field's change; {@code before} and {@code after} are JSON values (text, boolean or list of codes). */
public record ProfileChange(String field, Object before, Object after, Instant changedAt, String changedBy,
                            String correlationId, long version) {
}
