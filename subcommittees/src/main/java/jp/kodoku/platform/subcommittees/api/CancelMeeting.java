package jp.kodoku.platform.subcommittees.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Cancels a meeting; the reason is required. */
public record CancelMeeting(@TargetAggregateIdentifier MeetingId meetingId, SubcommitteeId subcommitteeId,
                            @TargetAggregateVersion Long expectedVersion, String reason) {
}
