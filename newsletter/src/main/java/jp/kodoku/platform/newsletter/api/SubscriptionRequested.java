package jp.kodoku.platform.newsletter.api;

import jp.kodoku.platform.infra.personaldata.SealedValue;

import java.time.Instant;

/**
 * Event: an address asked to subscribe through the public form, agreeing to the consent wording of
 * {@code wordingVersion}; it receives nothing until confirmed, by {@code confirmBy}. The address and the link's token
 * are sealed with the subscription's key (the token to mail it; its hash to check it).
 */
public record SubscriptionRequested(SubscriptionId subscriptionId, SealedValue email, String wordingVersion,
                                    Instant requestedAt, Instant confirmBy, String confirmationTokenHash,
                                    SealedValue confirmationToken) {
}
