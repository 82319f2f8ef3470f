package jp.kodoku.platform.newsletter.api;

import jp.kodoku.platform.infra.personaldata.SealedValue;
import jp.kodoku.platform.membership.api.OrganizationId;

/**
 * One recipient of an issue: the subscription the unsubscribe token names, the sealed address (unsealed only to
 * send; empty once erased), and the member organization for a member's contact (null for a public subscriber).
 */
public record Recipient(SubscriptionId subscriptionId, SealedValue email, OrganizationId organizationId) {
}
