package jp.kodoku.platform.newsletter.api;

/** Query (secretariat): the consent ledger of one subscriber; answered with a {@link ConsentLedger}, or null. */
public record FindConsentLedger(SubscriptionId subscriptionId) {
}
