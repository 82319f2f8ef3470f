package jp.kodoku.platform.subcommittees.api;

import jp.kodoku.platform.membership.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent when a platform membership is suspended or ends: the organization leaves the subcommittee if it is a member (nothing happens otherwise, so it is safe to send to every subcommittee and to repeat). */
public record RecordMembershipEnded(@TargetAggregateIdentifier SubcommitteeId subcommitteeId, OrganizationId organizationId, LeavingCause cause, String reason) {
}
