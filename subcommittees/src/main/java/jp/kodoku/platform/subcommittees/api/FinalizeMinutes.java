package jp.kodoku.platform.subcommittees.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Locks the minutes at their newest revision: finalized minutes never change. */
public record FinalizeMinutes(MeetingId meetingId, SubcommitteeId subcommitteeId,
                              @TargetAggregateVersion Long expectedVersion) {

    @TargetAggregateIdentifier
    public String minutesId() {
        return MinutesIds.of(meetingId);
    }
}
