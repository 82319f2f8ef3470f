package jp.kodoku.platform.subcommittees.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Publishes finalized minutes to the subcommittee's members or to anyone. */
public record PublishMinutes(MeetingId meetingId, SubcommitteeId subcommitteeId,
                             @TargetAggregateVersion Long expectedVersion, Visibility audience) {

    @TargetAggregateIdentifier
    public String minutesId() {
        return MinutesIds.of(meetingId);
    }
}
