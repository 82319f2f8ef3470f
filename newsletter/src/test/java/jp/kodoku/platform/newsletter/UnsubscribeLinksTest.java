package jp.kodoku.platform.newsletter;

import jp.kodoku.platform.membership.api.ContactId;
import jp.kodoku.platform.newsletter.api.SubscriptionId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The unsubscribe token: it names its subscriber, and only the key makes one that does. */
class UnsubscribeLinksTest {

    private static final SubscriptionId CONTACT = SubscriptionId.ofContact(new ContactId("5b8e1f7a-3c2d-4e9f-8a6b-1d0c9e8f7a61"));
    private final UnsubscribeLinks links = new UnsubscribeLinks(() -> "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    @Test
    void a_token_names_the_subscriber_it_was_made_for() {
        assertThat(links.subscriptionOf(links.token(CONTACT))).contains(CONTACT);
    }

    @Test
    void a_token_for_another_subscriber_made_by_editing_the_id_is_refused() {
        String token = links.token(CONTACT);
        String forged = "contact-00000000-0000-4000-8000-000000000000" + token.substring(token.lastIndexOf('.'));

        assertThat(links.subscriptionOf(forged)).isEmpty();
    }

    @Test
    void a_token_made_with_another_key_is_refused() {
        UnsubscribeLinks other = new UnsubscribeLinks(() -> "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));

        assertThat(links.subscriptionOf(other.token(CONTACT))).isEmpty();
        assertThat(links.subscriptionOf("no-dot-at-all")).isEmpty();
        assertThat(links.subscriptionOf(null)).isEmpty();
    }
}
