package jp.kodoku.platform.newsletter.subscription;

import jp.kodoku.platform.infra.personaldata.SealedValue;
import jp.kodoku.platform.infra.testsupport.InMemoryPersonalDataVault;
import jp.kodoku.platform.infra.testsupport.InvalidInputs;
import jp.kodoku.platform.membership.api.ContactId;
import jp.kodoku.platform.newsletter.Tokens;
import jp.kodoku.platform.newsletter.UnsubscribeLinks;
import jp.kodoku.platform.newsletter.api.*;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Consent to the newsletter: double opt-in through the form, one subscription per address, leaving, coming back, erasure. */
class SubscriptionTest {

    static final Instant NOW = Instant.parse("2026-05-11T01:00:00Z");
    static final SubscriptionId HANAKO = new SubscriptionId("7c6d5e4f-3a2b-4c1d-9e8f-0a1b2c3d4e5f");
    static final SubscriptionId CONTACT = SubscriptionId.ofContact(new ContactId("5b8e1f7a-3c2d-4e9f-8a6b-1d0c9e8f7a61"));
    static final String ADDRESS = "hanako@sakura.example.jp";

    final InMemoryPersonalDataVault vault = new InMemoryPersonalDataVault();
    final InMemoryAddresses addresses = new InMemoryAddresses();
    final UnsubscribeLinks links = new UnsubscribeLinks(() -> "0123456789abcdef0123456789abcdef".getBytes());
    final FixtureConfiguration<Subscription> fixture = fixtureAt(NOW);

    private FixtureConfiguration<Subscription> fixtureAt(Instant now) {
        FixtureConfiguration<Subscription> f = new AggregateTestFixture<>(Subscription.class);
        f.registerAnnotatedCommandHandler(new SubscriptionCommandHandler(f.getRepository(), addresses, vault, links,
                Clock.fixed(now, ZoneOffset.UTC)));
        return f;
    }

    /** The request of {@link #HANAKO} made at NOW, whose link carries {@code token}. */
    SubscriptionRequested requested(String token) {
        SealedValue[] sealed = vault.seal(HANAKO.value(), ADDRESS, token);
        return new SubscriptionRequested(HANAKO, sealed[0], "2026-04", NOW, NOW.plus(Duration.ofHours(48)),
                Tokens.sha256(token), sealed[1]);
    }

    @Test
    void a_request_through_the_form_waits_for_the_mailed_link_for_48_hours() {
        fixture.givenNoPriorActivity()
               .when(new RequestSubscription(HANAKO, " " + ADDRESS + " ", "2026-04"))
               .expectResultMessagePayload(HANAKO)
               .expectEventsMatching(onlyEvent(SubscriptionRequested.class, e ->
                       vault.unseal(e.email()).orElseThrow().equals(ADDRESS)
                               && e.wordingVersion().equals("2026-04")
                               && e.requestedAt().equals(NOW) && e.confirmBy().equals(NOW.plus(Duration.ofHours(48)))
                               && e.confirmationTokenHash().equals(Tokens.sha256(vault.unseal(e.confirmationToken()).orElseThrow()))));
    }

    @Test
    void an_address_with_a_line_break_is_refused() {
        fixture.givenNoPriorActivity()
               .when(new RequestSubscription(HANAKO, "hanako@sakura.example.jp\r\nBcc: all@example.jp", "2026-04"))
               .expectException(invalidInput("email"))
               .expectNoEvents();
    }

    @Test
    void the_consent_wording_shown_is_recorded() {
        fixture.givenNoPriorActivity()
               .when(new RequestSubscription(HANAKO, ADDRESS, " "))
               .expectException(invalidInput("wordingVersion"))
               .expectNoEvents();
    }

    @Test
    void an_address_on_the_list_keeps_its_one_subscription() {
        addresses.claim(Tokens.sha256(ADDRESS), HANAKO);
        fixture.given(requested("t1"), new SubscriptionConfirmed(HANAKO, NOW))
               .when(new RequestSubscription(SubscriptionId.random(), "Hanako@Sakura.example.jp", "2026-04"))
               .expectResultMessagePayload(HANAKO)
               .expectNoEvents();
    }

    @Test
    void an_unconfirmed_address_asking_again_gets_a_new_link() {
        addresses.claim(Tokens.sha256(ADDRESS), HANAKO);
        fixture.given(requested("t1"))
               .when(new RequestSubscription(SubscriptionId.random(), ADDRESS, "2026-04"))
               .expectEventsMatching(onlyEvent(SubscriptionRequested.class,
                       e -> e.subscriptionId().equals(HANAKO) && !e.confirmationTokenHash().equals(Tokens.sha256("t1"))));
    }

    @Test
    void the_mailed_link_confirms_the_subscription() {
        fixture.given(requested("t1"))
               .when(new ConfirmSubscription(HANAKO, "t1"))
               .expectEvents(new SubscriptionConfirmed(HANAKO, NOW));
    }

    @Test
    void a_link_older_than_48_hours_has_expired() {
        fixtureAt(NOW.plus(Duration.ofHours(48)).plusSeconds(1))
               .given(requested("t1"))
               .when(new ConfirmSubscription(HANAKO, "t1"))
               .expectException(NewsletterRuleViolation.class)
               .expectNoEvents();
    }

    @Test
    void another_token_confirms_nothing() {
        fixture.given(requested("t1"))
               .when(new ConfirmSubscription(HANAKO, "t2"))
               .expectException(SubscriptionLinkInvalid.class)
               .expectNoEvents();
    }

    @Test
    void the_one_click_request_unsubscribes_once() {
        fixture.given(requested("t1"), new SubscriptionConfirmed(HANAKO, NOW))
               .when(new Unsubscribe(HANAKO, UnsubscribeChannel.ONE_CLICK))
               .expectEvents(new Unsubscribed(HANAKO, UnsubscribeChannel.ONE_CLICK, NOW));
        fixture.given(requested("t1"), new Unsubscribed(HANAKO, UnsubscribeChannel.ONE_CLICK, NOW))
               .when(new Unsubscribe(HANAKO, UnsubscribeChannel.ONE_CLICK))
               .expectNoEvents();
    }

    @Test
    void the_token_of_a_mail_unsubscribes_the_subscriber_it_names() {
        fixture.given(requested("t1"), new SubscriptionConfirmed(HANAKO, NOW))
               .when(new UnsubscribeWithToken(links.token(HANAKO), UnsubscribeChannel.ONE_CLICK))
               .expectResultMessagePayload(HANAKO)
               .expectEvents(new Unsubscribed(HANAKO, UnsubscribeChannel.ONE_CLICK, NOW));
    }

    @Test
    void a_forged_token_unsubscribes_nobody() {
        String forged = HANAKO.value() + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        fixture.given(requested("t1"), new SubscriptionConfirmed(HANAKO, NOW))
               .when(new UnsubscribeWithToken(forged, UnsubscribeChannel.ONE_CLICK))
               .expectException(SubscriptionLinkInvalid.class)
               .expectNoEvents();
    }

    @Test
    void a_members_contact_leaves_the_list_it_was_on_by_membership() {
        fixture.givenNoPriorActivity()
               .when(new Unsubscribe(CONTACT, UnsubscribeChannel.LINK))
               .expectEvents(new Unsubscribed(CONTACT, UnsubscribeChannel.LINK, NOW));
    }

    @Test
    void a_members_contact_comes_back_by_membership() {
        fixture.given(new Unsubscribed(CONTACT, UnsubscribeChannel.LINK, NOW))
               .when(new Resubscribe(CONTACT, ConsentChannel.MEMBERSHIP, "2026-04"))
               .expectEvents(new Resubscribed(CONTACT, ConsentChannel.MEMBERSHIP, "2026-04", NOW));
    }

    @Test
    void a_public_subscriber_comes_back_only_through_the_form() {
        fixture.given(requested("t1"), new Unsubscribed(HANAKO, UnsubscribeChannel.LINK, NOW))
               .when(new Resubscribe(HANAKO, ConsentChannel.MEMBERSHIP, "2026-04"))
               .expectException(NewsletterRuleViolation.class)
               .expectNoEvents();
    }

    @Test
    void an_erased_subscriber_is_gone_and_the_address_is_free() {
        addresses.claim(Tokens.sha256(ADDRESS), HANAKO);
        SubscriptionRequested requested = requested("t1");
        fixture.given(requested, new SubscriptionConfirmed(HANAKO, NOW))
               .when(new EraseSubscriber(HANAKO, "本人からの請求"))
               .expectEvents(new SubscriberPersonalDataErased(HANAKO, "本人からの請求"));
        assertThat(vault.unseal(requested.email())).isEmpty();
        assertThat(addresses.claim(Tokens.sha256(ADDRESS), CONTACT)).isEqualTo(CONTACT);
    }

    @Test
    void an_erased_subscriber_cannot_confirm() {
        fixture.given(requested("t1"), new SubscriberPersonalDataErased(HANAKO, "本人からの請求"))
               .when(new ConfirmSubscription(HANAKO, "t1"))
               .expectException(NewsletterRuleViolation.class)
               .expectNoEvents();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    static final class InMemoryAddresses implements SubscriberAddresses {
        private final Map<String, SubscriptionId> held = new HashMap<>();

        @Override
        public synchronized SubscriptionId claim(String addressHash, SubscriptionId candidate) {
            return held.computeIfAbsent(addressHash, h -> candidate);
        }

        @Override
        public synchronized void release(SubscriptionId subscription) {
            held.values().removeIf(subscription::equals);
        }
    }

    static <E> Matcher<List<EventMessage<?>>> onlyEvent(Class<E> type, Predicate<E> check) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                List<?> events = (List<?>) actual;
                return events.size() == 1 && events.get(0) instanceof EventMessage<?> m && type.isInstance(m.getPayload())
                        && check.test(type.cast(m.getPayload()));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("one " + type.getSimpleName() + " as the rule says");
            }
        };
    }

    static Matcher<Throwable> invalidInput(String field) {
        return InvalidInputs.naming(field);
    }
}
