package jp.kodoku.platform.subcommittees.api;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A meeting as its subcommittee's members, its chair and the secretariat read it (the online URL included: only they
 * may read this).
 *
 * @param fromPollId the date poll the meeting's date was confirmed in, or null
 * @param reason     why it was last rescheduled or why it was cancelled, or null
 * @param sequence   how often its date, time, place or status changed (the calendar's SEQUENCE)
 */
public record MeetingSummary(String meetingId, String subcommitteeId, String title, LocalDate date, LocalTime start,
                             LocalTime end, MeetingStatus status, String fromPollId, String venue, String onlineUrl,
                             String reason, int sequence, long version) {
}
