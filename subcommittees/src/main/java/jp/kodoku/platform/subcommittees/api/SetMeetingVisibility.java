package jp.kodoku.platform.subcommittees.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Marks a meeting public (its title, date and venue shown to anyone; never its online URL) or members-only again. */
public record SetMeetingVisibility(@TargetAggregateIdentifier MeetingId meetingId, SubcommitteeId subcommitteeId,
                                   @TargetAggregateVersion Long expectedVersion, boolean publicMeeting) {
}
