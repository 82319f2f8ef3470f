package jp.kodoku.platform.subcommittees.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;
import java.time.LocalTime;

/** Moves a meeting to another local date in Japan, from start to end (both null: the whole day); the reason is required. */
public record RescheduleMeeting(@TargetAggregateIdentifier MeetingId meetingId, SubcommitteeId subcommitteeId,
                                @TargetAggregateVersion Long expectedVersion, LocalDate date, LocalTime start,
                                LocalTime end, String reason) {
}
