package jp.kodoku.platform.newsletter.api;

import jp.kodoku.platform.membership.api.OrganizationId;

import java.time.Instant;
import java.util.List;

/**
 * An address that bounced, for the secretariat: the address (unsealed; null once erased), the member organization
 * for a member's contact (null for a public subscriber), whether it is suspended and why, and its bounces newest
 * first.
 */
public record BouncedAddress(SubscriptionId subscriptionId, String email, OrganizationId organizationId,
                             boolean suspended, Bounce suspendedBy, List<Bounce> bounces) {

    /** One report: kind, RFC 3464 status, the server's diagnostic (unsealed), the issue, when. */
    public record Bounce(BounceKind kind, String status, String diagnostic, IssueId issueId, Instant at) {
    }
}
