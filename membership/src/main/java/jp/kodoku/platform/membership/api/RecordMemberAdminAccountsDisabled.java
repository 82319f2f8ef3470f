package jp.kodoku.platform.membership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that the organization's accounts were disabled because of a suspension or withdrawal. Sent by the platform
 * itself (processing group {@code accounts}).
 *
 * @param triggeringEvent the sequence number of the organization's event (suspension or withdrawal) that called for it
 * @param accounts        how many accounts the organization has, all of them now disabled
 */
public record RecordMemberAdminAccountsDisabled(@TargetAggregateIdentifier OrganizationId organizationId,
                                                long triggeringEvent, int accounts) {
}
