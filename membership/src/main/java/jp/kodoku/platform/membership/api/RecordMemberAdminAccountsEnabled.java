package jp.kodoku.platform.membership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that the organization's accounts were enabled again because of a reinstatement. Sent by the platform itself
 * (processing group {@code accounts}).
 *
 * @param triggeringEvent the sequence number of the organization's reinstatement
 * @param accounts        how many accounts the organization has, all of them now enabled
 */
public record RecordMemberAdminAccountsEnabled(@TargetAggregateIdentifier OrganizationId organizationId,
                                               long triggeringEvent, int accounts) {
}
