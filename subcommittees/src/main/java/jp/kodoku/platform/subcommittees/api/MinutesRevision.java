package jp.kodoku.platform.subcommittees.api;

import java.time.Instant;

/**
 * One revision of a meeting's minutes; who saved it and when.
 *
 * @param restoredFrom the earlier revision whose text it restored, or null
 * @param text         the text (null in the list of revisions)
 */
public record MinutesRevision(int revision, String savedBy, Instant savedAt, Integer restoredFrom, int length,
                              String text) {
}
