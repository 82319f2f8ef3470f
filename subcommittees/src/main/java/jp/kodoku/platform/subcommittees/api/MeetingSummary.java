package jp.kodoku.platform.subcommittees.api;

import java.time.LocalDate;
import java.time.LocalTime;

/** @param fromPollId the date poll the meeting's date was confirmed in, or null */
public record MeetingSummary(String meetingId, String subcommitteeId, String title, LocalDate date, LocalTime start,
                             LocalTime end, MeetingStatus status, String fromPollId, long version) {
}
