package jp.kodoku.platform.membership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that no account could be made for the primary contact for a reason retrying will not change. Sent by the
 * platform itself (processing group {@code accounts}).
 *
 * @param reason why, without personal data
 */
public record RecordMemberAdminAccountNotProvisioned(@TargetAggregateIdentifier OrganizationId organizationId,
                                                     ContactId contactId, String reason) {
}
