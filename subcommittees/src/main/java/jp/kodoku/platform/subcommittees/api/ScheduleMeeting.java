package jp.kodoku.platform.subcommittees.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Schedules a meeting on a local date in Japan, from start to end (both null: the whole day, times to follow).
 *
 * @param fromPoll the date poll whose confirmed slot this is, or null
 */
public record ScheduleMeeting(@TargetAggregateIdentifier MeetingId meetingId, SubcommitteeId subcommitteeId, String title,
                              LocalDate date, LocalTime start, LocalTime end, PollId fromPoll) {
}
