package jp.kodoku.platform.newsletter.subscription;

import jp.kodoku.platform.infra.testsupport.InMemoryPersonalDataVault;
import jp.kodoku.platform.membership.api.ContactId;
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
import java.util.List;
import java.util.function.Predicate;

/**
 * Bounces suspend an address for future issues: a hard one (5.x.x) at once, soft ones (4.x.x) when they reach the
 * limit within the window; a report read twice counts once; the secretariat lifts a suspension once the address is
 * fixed, and soft bounces are counted afresh from then.
 */
class BouncesTest {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final SubscriptionId CONTACT = SubscriptionId.ofContact(new ContactId("5b8e1f7a-3c2d-4e9f-8a6b-1d0c9e8f7a61"));
    static final SubscriptionId HANAKO = new SubscriptionId("7c6d5e4f-3a2b-4c1d-9e8f-0a1b2c3d4e5f");
    static final IssueId ISSUE = new IssueId("9b1c2d3e-4f50-4a61-8b72-c3d4e5f60718");
    static final BounceLimits THREE_IN_30_DAYS = new BounceLimits(3, Duration.ofDays(30));

    final InMemoryPersonalDataVault vault = new InMemoryPersonalDataVault();
    final FixtureConfiguration<Subscription> fixture = new AggregateTestFixture<>(Subscription.class);

    BouncesTest() {
        fixture.registerAnnotatedCommandHandler(new BounceCommandHandler(fixture.getRepository(), vault,
                THREE_IN_30_DAYS, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @Test
    void a_hard_bounce_suspends_the_address_at_once_keeping_the_reason() {
        fixture.givenNoPriorActivity()
               .when(new RecordBounce(CONTACT, "<report-1@mx.example.jp>", "5.1.1",
                       "smtp; 550 5.1.1 <taro@sakura.example.jp>: Recipient address rejected", ISSUE, NOW))
               .expectEventsMatching(events(List.of(
                       e -> e instanceof BounceRecorded b && b.kind() == BounceKind.HARD && b.status().equals("5.1.1")
                               && b.issueId().equals(ISSUE) && b.at().equals(NOW),
                       e -> e instanceof AddressSuspended s && s.kind() == BounceKind.HARD && s.status().equals("5.1.1")
                               && s.issueId().equals(ISSUE) && s.at().equals(NOW)
                               && vault.unseal(s.diagnostic()).orElseThrow().contains("Recipient address rejected"))));
    }

    @Test
    void the_diagnostic_is_sealed_with_the_contacts_own_key_so_erasing_the_contact_erases_it() {
        fixture.givenNoPriorActivity()
               .when(new RecordBounce(CONTACT, "<report-1@mx.example.jp>", "5.1.1", "550 unknown user", ISSUE, NOW))
               .expectEventsMatching(events(List.of(
                       e -> e instanceof BounceRecorded b && b.diagnostic().subject().equals(
                               "5b8e1f7a-3c2d-4e9f-8a6b-1d0c9e8f7a61"),
                       e -> e instanceof AddressSuspended)));
    }

    @Test
    void soft_bounces_suspend_the_address_when_they_reach_the_limit_within_the_window() {
        fixture.given(soft("<r1@mx>", NOW.minus(Duration.ofDays(20))), soft("<r2@mx>", NOW.minus(Duration.ofDays(5))))
               .when(new RecordBounce(HANAKO, "<r3@mx>", "4.2.2", "452 mailbox full", ISSUE, NOW))
               .expectEventsMatching(events(List.of(
                       e -> e instanceof BounceRecorded b && b.kind() == BounceKind.SOFT,
                       e -> e instanceof AddressSuspended s && s.kind() == BounceKind.SOFT && s.softBounces() == 3
                               && s.status().equals("4.2.2"))));
    }

    @Test
    void soft_bounces_older_than_the_window_do_not_count() {
        fixture.given(soft("<r1@mx>", NOW.minus(Duration.ofDays(31))), soft("<r2@mx>", NOW.minus(Duration.ofDays(5))))
               .when(new RecordBounce(HANAKO, "<r3@mx>", "4.2.2", "452 mailbox full", ISSUE, NOW))
               .expectEventsMatching(events(List.of(e -> e instanceof BounceRecorded b && b.kind() == BounceKind.SOFT)));
    }

    @Test
    void a_report_read_twice_counts_once() {
        fixture.given(soft("<r1@mx>", NOW.minus(Duration.ofDays(1))))
               .when(new RecordBounce(HANAKO, "<r1@mx>", "4.2.2", "452 mailbox full", ISSUE, NOW))
               .expectNoEvents();
    }

    @Test
    void a_suspended_address_records_further_bounces_and_stays_suspended_once() {
        fixture.given(hard("<r1@mx>"), suspended())
               .when(new RecordBounce(CONTACT, "<r2@mx>", "5.1.1", null, null, NOW))
               .expectEventsMatching(events(List.of(e -> e instanceof BounceRecorded b && b.diagnostic() == null
                       && b.issueId() == null)));
    }

    @Test
    void the_secretariat_lifts_a_suspension_and_soft_bounces_count_afresh() {
        fixture.given(soft("<r1@mx>", NOW.minus(Duration.ofDays(3))), soft("<r2@mx>", NOW.minus(Duration.ofDays(2))),
                       soft("<r3@mx>", NOW.minus(Duration.ofDays(1))),
                       new AddressSuspended(HANAKO, BounceKind.SOFT, "4.2.2", null, ISSUE, 3, NOW.minus(Duration.ofDays(1))),
                       new SuspensionLifted(HANAKO, NOW.minus(Duration.ofHours(1))))
               .when(new RecordBounce(HANAKO, "<r4@mx>", "4.2.2", "452 mailbox full", ISSUE, NOW))
               .expectEventsMatching(events(List.of(e -> e instanceof BounceRecorded)));
    }

    @Test
    void lifting_makes_the_address_receive_again() {
        fixture.given(hard("<r1@mx>"), suspended())
               .when(new LiftSuspension(CONTACT))
               .expectEvents(new SuspensionLifted(CONTACT, NOW));
    }

    @Test
    void only_a_suspended_address_can_be_lifted() {
        fixture.given(hard("<r1@mx>"), suspended(), new SuspensionLifted(CONTACT, NOW.minusSeconds(60)))
               .when(new LiftSuspension(CONTACT))
               .expectException(NewsletterRuleViolation.class)
               .expectNoEvents();
    }

    @Test
    void an_erased_subscriber_records_no_bounce() {
        vault.seal(HANAKO.value(), "hanako@sakura.example.jp");
        vault.erase(HANAKO.value());

        fixture.givenNoPriorActivity()
               .when(new RecordBounce(HANAKO, "<r1@mx>", "5.1.1", "550 unknown user", ISSUE, NOW))
               .expectNoEvents();
    }

    @Test
    void a_report_naming_an_unknown_public_subscription_is_refused() {
        fixture.givenNoPriorActivity()
               .when(new RecordBounce(HANAKO, "<r1@mx>", "5.1.1", "550 unknown user", ISSUE, NOW))
               .expectException(SubscriptionNotFound.class)
               .expectNoEvents();
    }

    @Test
    void a_status_that_is_not_a_failure_is_refused() {
        fixture.givenNoPriorActivity()
               .when(new RecordBounce(HANAKO, "<r1@mx>", "2.0.0", null, ISSUE, NOW))
               .expectException(InvalidNewsletterInput.class)
               .expectNoEvents();
    }

    private static BounceRecorded soft(String report, Instant at) {
        return new BounceRecorded(HANAKO, report, BounceKind.SOFT, "4.2.2", null, ISSUE, at);
    }

    private static BounceRecorded hard(String report) {
        return new BounceRecorded(CONTACT, report, BounceKind.HARD, "5.1.1", null, ISSUE, NOW.minus(Duration.ofDays(7)));
    }

    private static AddressSuspended suspended() {
        return new AddressSuspended(CONTACT, BounceKind.HARD, "5.1.1", null, ISSUE, 0, NOW.minus(Duration.ofDays(7)));
    }

    /** The events applied, in order, each passing its check. */
    private static Matcher<List<EventMessage<?>>> events(List<Predicate<Object>> checks) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                List<?> events = (List<?>) actual;
                if (events.size() != checks.size()) {
                    return false;
                }
                for (int i = 0; i < checks.size(); i++) {
                    if (!checks.get(i).test(((EventMessage<?>) events.get(i)).getPayload())) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(checks.size() + " events as the rule says");
            }
        };
    }
}
