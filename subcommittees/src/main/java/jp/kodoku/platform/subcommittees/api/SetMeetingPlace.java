package jp.kodoku.platform.subcommittees.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Where a meeting is held: a venue (address), an online URL (https; shown only to the subcommittee's members, its chair
 * and the secretariat), or both. The whole place: what is left out is no longer part of it.
 */
public record SetMeetingPlace(@TargetAggregateIdentifier MeetingId meetingId, SubcommitteeId subcommitteeId,
                              @TargetAggregateVersion Long expectedVersion, String venue, String onlineUrl) {
}
