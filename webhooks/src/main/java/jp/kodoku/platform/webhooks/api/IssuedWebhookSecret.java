package jp.kodoku.platform.webhooks.api;

import java.time.Instant;

/**
 * What subscribing or rotating answers: the signing secret ({@code whsec_…}, Standard Webhooks), shown to the client
 * once. A command result, never a stored message.
 *
 * @param previousSecretValidUntil after a rotation, until when deliveries are signed with the old secret as well
 */
public record IssuedWebhookSecret(String subscriptionId, String secret, Instant previousSecretValidUntil, long version) {

    @Override
    public String toString() {
        return "IssuedWebhookSecret[subscriptionId=" + subscriptionId + ", version=" + version + "]"; // never log it
    }
}
