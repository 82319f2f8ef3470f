package jp.kodoku.platform.newsletter.api;

import jp.kodoku.platform.membership.api.ContactId;

import java.util.UUID;

/**
 * Identifies one subscriber: a public subscriber's random id, or {@code contact-<contactId>} for a member
 * organization's contact person, who receives the newsletter as part of membership. The id is also the data subject
 * whose key seals the subscriber's address.
 */
public record SubscriptionId(String value) {

    public static SubscriptionId random() {
        return new SubscriptionId(UUID.randomUUID().toString());
    }

    public static SubscriptionId ofContact(ContactId contact) {
        return new SubscriptionId("contact-" + contact.value());
    }

    @Override
    public String toString() {
        return value;
    }
}
