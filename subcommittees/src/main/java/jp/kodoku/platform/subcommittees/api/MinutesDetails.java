package jp.kodoku.platform.subcommittees.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A meeting's minutes at their newest revision.
 *
 * @param audience who they are published to, or null while unpublished
 * @param text     the newest revision's text (null in lists)
 * @param version  the minutes' own version, for If-Match on the next write
 */
public record MinutesDetails(String meetingId, String subcommitteeId, String meetingTitle, LocalDate meetingDate,
                             MinutesStatus status, Visibility audience, int revision, String text, Instant savedAt,
                             String savedBy, Instant finalizedAt, Instant publishedAt, long version) {
}
