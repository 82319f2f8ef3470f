package jp.kodoku.platform.gateway.newsletter;

/** The newsletter's request and response bodies. */
final class NewsletterRequests {

    private NewsletterRequests() {
    }

    /** A public subscription: the address and the version of the consent wording the subscriber was shown. */
    record Subscribe(String email, String wordingVersion) {
    }

    record Confirmation(String token) {
    }

    /** Where a subscription stands after the request: the same answer whether or not the address was known. */
    record SubscriptionState(String status) {
    }

    /** A member's proposed item: its kind and its text. */
    record Proposal(jp.kodoku.platform.newsletter.api.ProposalKind kind,
                    jp.kodoku.platform.newsletter.api.ItemContent content) {
    }

    /** @param content the edited text, or absent to take the proposal as written */
    record Acceptance(String issueId, jp.kodoku.platform.newsletter.api.ItemContent content) {
    }

    record Reason(String reason) {
    }

    record EventItem(String eventId) {
    }

    record ProposalWritten(String proposalId, jp.kodoku.platform.newsletter.api.ProposalStatus status, long version) {
    }

    record ItemWritten(String itemId, long version) {
    }
}
