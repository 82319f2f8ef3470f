package jp.kodoku.platform.webhooks.subscription;

import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.webhooks.api.InvalidWebhookInput;
import jp.kodoku.platform.webhooks.api.RotateWebhookSecret;
import jp.kodoku.platform.webhooks.api.SubscribeToWebhooks;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The rules of a subscription, one given/when/then each. */
class SubscriptionRulesTest {

    private static final String APPROVED = "jp.kodoku.platform.membership.member.approved";
    private static final String PUBLISHED = "jp.kodoku.platform.events.event.published";
    private static final String SENT = "jp.kodoku.platform.newsletter.issue.sent";

    @Test
    void a_client_subscribes_to_the_types_its_scopes_allow_sorted_and_once_each() {
        // given a client with both read scopes
        SubscribeToWebhooks command = new SubscribeToWebhooks("app-portal", null, List.of("directory:read", "events:read"),
                "https://hooks.portal.example.jp/kodoku", List.of(PUBLISHED, APPROVED, PUBLISHED));

        // when the rules check its subscription
        List<String> types = SubscriptionRules.check(command, false);

        // then
        assertThat(types).containsExactly(PUBLISHED, APPROVED);
    }

    @Test
    void a_type_whose_scope_the_client_does_not_hold_is_refused_naming_it() {
        SubscribeToWebhooks command = new SubscribeToWebhooks("app-portal", null, List.of("directory:read"),
                "https://hooks.portal.example.jp/kodoku", List.of(APPROVED, PUBLISHED));

        InvalidWebhookInput refused = catchThrowableOfType(() -> SubscriptionRules.check(command, false),
                                                           InvalidWebhookInput.class);

        assertThat(refused.violations()).containsExactly(new FieldViolation("eventTypes[1]",
                "needs the scope events:read, which this client does not have"));
    }

    @Test
    void newsletter_issues_go_to_clients_that_read_the_feed() {
        // given a client that reads the directory only
        SubscribeToWebhooks command = new SubscribeToWebhooks("app-portal", null, List.of("directory:read"),
                "https://hooks.portal.example.jp/kodoku", List.of(SENT));

        // when it subscribes to sent newsletter issues
        InvalidWebhookInput refused = catchThrowableOfType(() -> SubscriptionRules.check(command, false),
                                                           InvalidWebhookInput.class);

        // then the feed's scope is named
        assertThat(refused.violations()).containsExactly(new FieldViolation("eventTypes[0]",
                "needs the scope feed:read, which this client does not have"));
        assertThat(SubscriptionRules.check(new SubscribeToWebhooks("app-portal", null, List.of("feed:read"),
                "https://hooks.portal.example.jp/kodoku", List.of(SENT)), false)).containsExactly(SENT);
    }

    @Test
    void an_unknown_type_an_empty_list_and_a_bad_url_are_refused_all_at_once() {
        SubscribeToWebhooks unknown = new SubscribeToWebhooks("app-portal", null, List.of("directory:read"),
                "http://hooks.portal.example.jp/kodoku", List.of("jp.kodoku.platform.membership.contact.added"));
        SubscribeToWebhooks none = new SubscribeToWebhooks("app-portal", null, List.of("directory:read"),
                "https://hooks.portal.example.jp/kodoku", List.of());

        InvalidWebhookInput first = catchThrowableOfType(() -> SubscriptionRules.check(unknown, false),
                                                         InvalidWebhookInput.class);
        InvalidWebhookInput second = catchThrowableOfType(() -> SubscriptionRules.check(none, false),
                                                          InvalidWebhookInput.class);

        assertThat(first.violations()).extracting(FieldViolation::field).containsExactly("url", "eventTypes[0]");
        assertThat(second.violations()).extracting(FieldViolation::field).containsExactly("eventTypes");
    }

    @Test
    void a_private_address_is_refused_even_when_loopback_is_allowed_for_tests() {
        SubscribeToWebhooks command = new SubscribeToWebhooks("app-portal", null, List.of("directory:read"),
                "https://192.168.10.20/hook", List.of(APPROVED));

        InvalidWebhookInput refused = catchThrowableOfType(() -> SubscriptionRules.check(command, true),
                                                           InvalidWebhookInput.class);

        assertThat(refused.violations()).extracting(FieldViolation::field).containsExactly("url");
    }

    @Test
    void a_rotation_keeps_the_old_secret_a_day_unless_told_and_never_more_than_a_week() {
        assertThat(SubscriptionRules.overlapHours(new RotateWebhookSecret("whs-1", "app-portal", null))).isEqualTo(24);
        assertThat(SubscriptionRules.overlapHours(new RotateWebhookSecret("whs-1", "app-portal", 0))).isZero();
        assertThat(catchThrowableOfType(() -> SubscriptionRules.overlapHours(
                new RotateWebhookSecret("whs-1", "app-portal", 169)), InvalidWebhookInput.class).violations())
                .extracting(FieldViolation::field).containsExactly("overlapHours");
    }
}
