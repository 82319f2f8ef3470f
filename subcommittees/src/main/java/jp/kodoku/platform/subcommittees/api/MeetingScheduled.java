package jp.kodoku.platform.subcommittees.api;

import java.time.LocalDate;
import java.time.LocalTime;

/** A meeting was scheduled (start and end null: the whole day). */
public record MeetingScheduled(MeetingId meetingId, SubcommitteeId subcommitteeId, String title, LocalDate date,
                               LocalTime start, LocalTime end, PollId fromPoll) {
}
