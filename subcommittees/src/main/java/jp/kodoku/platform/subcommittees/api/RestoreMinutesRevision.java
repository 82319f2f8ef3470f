package jp.kodoku.platform.subcommittees.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Makes an earlier revision's text the newest revision again (nothing in between is lost). */
public record RestoreMinutesRevision(MeetingId meetingId, SubcommitteeId subcommitteeId,
                                     @TargetAggregateVersion Long expectedVersion, int revision) {

    @TargetAggregateIdentifier
    public String minutesId() {
        return MinutesIds.of(meetingId);
    }
}
