package jp.kodoku.platform.subcommittees.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Saves the minutes' text as a new revision; {@code expectedVersion} is the minutes' own version (ETag). */
public record SaveMinutes(MeetingId meetingId, SubcommitteeId subcommitteeId,
                          @TargetAggregateVersion Long expectedVersion, String text) {

    @TargetAggregateIdentifier
    public String minutesId() {
        return MinutesIds.of(meetingId);
    }
}
