package jp.kodoku.platform.membership.api;

import java.time.Instant;
import java.util.List;

/**
 * The moderation setting as the read model has it.
 *
 * @param fields    the fields it covers
 * @param changedAt when it was last switched (null: never, it has always been off)
 * @param changedBy who switched it last
 * @param version   the setting's version, for If-Match; -1 when it was never switched
 */
public record ProfileModerationState(boolean enabled, List<String> fields, Instant changedAt, String changedBy,
                                     long version) {
}
