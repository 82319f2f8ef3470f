package jp.kodoku.platform.subcommittees.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;

/** Who attended a meeting that has begun: the whole list, each organization once with its number of people. */
public record RecordAttendance(@TargetAggregateIdentifier MeetingId meetingId, SubcommitteeId subcommitteeId,
                               @TargetAggregateVersion Long expectedVersion, List<Attendance> attendance) {
}
