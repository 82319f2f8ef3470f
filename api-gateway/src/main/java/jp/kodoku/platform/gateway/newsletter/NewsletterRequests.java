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
}
