package jp.kodoku.platform.subcommittees.api;

import java.time.LocalDate;
import java.time.LocalTime;

/** A meeting moved to another date or time (start and end null: the whole day), with the reason. */
public record MeetingRescheduled(MeetingId meetingId, SubcommitteeId subcommitteeId, LocalDate date, LocalTime start,
                                 LocalTime end, String reason) {
}
