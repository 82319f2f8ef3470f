package jp.kodoku.platform.gateway.newsletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.Mailbox;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.TestTokens;
import jp.kodoku.platform.newsletter.api.SubscriptionId;
import jp.kodoku.platform.newsletter.UnsubscribeLinks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The newsletter's public consent through the real HTTP API: subscribing mails a confirmation link (double opt-in),
 * the link's token confirms, a mail's unsubscribe token leaves the list in one POST without signing in (RFC 8058), and
 * the secretariat reads each step in the consent ledger.
 */
class NewsletterSubscriptionsApiTest extends ApiTest {

    private static final Pattern LINK = Pattern.compile("/newsletter/subscriptions/([0-9a-f-]{36})/confirm\\?token=([A-Za-z0-9_-]+)");

    @Autowired
    private GreenMail greenMail;

    @Autowired
    private UnsubscribeLinks unsubscribeLinks;

    @Test
    void a_subscriber_confirms_by_the_mailed_link_and_leaves_with_one_click() throws Exception {
        String address = "yoko-" + UUID.randomUUID() + "@example.jp";
        Api.Response accepted = api.post("/api/v1/newsletter/subscriptions")
                                   .body(Map.of("email", address, "wordingVersion", "2026-04")).send();
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.json().get("status").asText()).isEqualTo("CONFIRMATION_MAILED");

        Matcher link = mailedLink(address);
        String id = link.group(1);
        Api.Response confirmed = api.post("/api/v1/newsletter/subscriptions/" + id + "/confirmation")
                                    .body(Map.of("token", link.group(2))).send();
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);

        Api.Response left = api.post("/api/v1/newsletter/unsubscribe/" + unsubscribeLinks.token(new SubscriptionId(id)))
                               .bytes("List-Unsubscribe=One-Click".getBytes(StandardCharsets.US_ASCII),
                                       "application/x-www-form-urlencoded").send();
        assertThat(left.status()).as(left.toString()).isEqualTo(200);
        awaitProjections();

        JsonNode ledger = api.get("/api/v1/newsletter/subscriptions/" + id + "/consent-ledger")
                             .token(TestTokens.secretariat()).send().json();
        assertThat(ledger.get("status").asText()).isEqualTo("UNSUBSCRIBED");
        List<String> steps = new ArrayList<>();
        ledger.get("entries").forEach(e -> steps.add(e.get("what").asText() + " " + e.get("how").asText() + " "
                + e.get("wordingVersion").asText()));
        assertThat(steps).containsExactly("REQUESTED FORM 2026-04", "CONFIRMED FORM 2026-04", "UNSUBSCRIBED ONE_CLICK null");
    }

    @Test
    void an_address_already_on_the_list_gets_the_same_answer_and_no_second_subscription() throws Exception {
        String address = "twice-" + UUID.randomUUID() + "@example.jp";
        api.post("/api/v1/newsletter/subscriptions").body(Map.of("email", address, "wordingVersion", "2026-04")).send();
        String first = mailedLink(address).group(1);

        Api.Response again = api.post("/api/v1/newsletter/subscriptions")
                                .body(Map.of("email", address.toUpperCase(), "wordingVersion", "2026-04")).send();

        assertThat(again.status()).as(again.toString()).isEqualTo(202);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, first)).as("a new link for the pending subscription").isEqualTo(2L);
    }

    @Test
    void an_address_with_a_header_injected_is_refused_and_nothing_is_stored() {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);

        Api.Response refused = api.post("/api/v1/newsletter/subscriptions")
                                  .body(Map.of("email", "a@example.jp\r\nBcc: everyone@example.jp",
                                          "wordingVersion", "2026-04")).send();

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.text()).contains("email");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class)).isEqualTo(before);
    }

    @Test
    void a_forged_unsubscribe_token_is_not_found() {
        Api.Response refused = api.post("/api/v1/newsletter/unsubscribe/" + UUID.randomUUID() + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                                  .send();

        assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
    }

    /** The confirmation link in the mail sent to this address. */
    private Matcher mailedLink(String address) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (MimeMessage message : greenMail.getReceivedMessages()) {
                if (message.getAllRecipients()[0].toString().equals(address)) {
                    Matcher found = LINK.matcher(Mailbox.text(message));
                    if (found.find()) {
                        return found;
                    }
                }
            }
            return null;
        }, Objects::nonNull);
    }
}
