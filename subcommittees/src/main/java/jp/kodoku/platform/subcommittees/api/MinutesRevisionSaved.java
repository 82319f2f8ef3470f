package jp.kodoku.platform.subcommittees.api;

/**
 * A revision of a meeting's minutes (議事録): the whole text, numbered from 1. Who saved it and when are the event's
 * metadata (principal) and timestamp.
 *
 * @param restoredFrom the earlier revision whose text this is again, or null for a text written anew
 */
public record MinutesRevisionSaved(MeetingId meetingId, SubcommitteeId subcommitteeId, int revision, String text,
                                   Integer restoredFrom) {
}
