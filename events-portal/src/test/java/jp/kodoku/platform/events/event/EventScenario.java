package jp.kodoku.platform.events.event;

import jp.kodoku.platform.infra.testsupport.InMemoryPersonalDataVault;
import jp.kodoku.platform.events.api.*;
import jp.kodoku.platform.infra.errors.InvalidInput;
import jp.kodoku.platform.membership.api.OrganizationId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The given/when/then world of a {@link PortalEvent}: the fixture with {@link EventCommandHandler} on in-memory
 * collaborators and a clock fixed at 2026-05-11 10:00 Japan time, the test data (第3回 現場課題ワークショップ on
 * 2026-06-20 in 千代田区, capacity 10, up to 3 seats per registration), the histories that bring it into each status,
 * and registrations by member organizations.
 */
final class EventScenario {

    static final EventId WORKSHOP = new EventId("2f6d0b8e-1c1a-4c52-9e0b-6a1d3c5e7f01");
    static final Instant NOW = LocalDateTime.of(2026, 5, 11, 10, 0).atZone(Schedule.JAPAN).toInstant();
    static final Schedule JUNE_20 = new Schedule(LocalDate.of(2026, 6, 20), LocalTime.of(13, 30),
            LocalDate.of(2026, 6, 20), LocalTime.of(16, 30));
    static final Venue CHIYODA = new Venue("中央合同庁舎8号館 講堂", "東京都千代田区永田町1-6-1", "13");
    static final OrganizationId SAKURA = new OrganizationId("3f0c6a4e-2b1d-4c55-9a51-5a1f0b7e2c01");
    static final OrganizationId HIDAMARI = new OrganizationId("8d2e61b0-7c4f-4f7a-8f1e-0a9c3d5b6e02");
    static final String SAKURA_ADMIN = "sakura-admin";

    static RegistrationSettings settings(Integer capacity) {
        return new RegistrationSettings(capacity, LocalDateTime.of(2026, 5, 1, 9, 0),
                LocalDateTime.of(2026, 6, 19, 17, 0), 3, 3, 2);
    }

    static EventDetails workshop() {
        return workshop(settings(10));
    }

    static EventDetails workshop(RegistrationSettings registration) {
        return new EventDetails(EventKind.WORKSHOP, "第3回 孤独・孤立に関する現場課題ワークショップ「居場所の多様性」",
                "実務者が日々の実践から感じる課題と対応策を話し合います。", null, null, true, List.of(SAKURA), JUNE_20,
                CHIYODA, "https://meet.example.jp/ws3", Visibility.PUBLIC, registration);
    }

    static EventDetails with(EventDetails d, Schedule schedule) {
        return new EventDetails(d.kind(), d.title(), d.description(), d.courseLevel(), d.campaignId(),
                d.secretariatOrganizes(), d.organizerOrganizations(), schedule, d.venue(), d.onlineUrl(),
                d.visibility(), d.registration());
    }

    static EventDetails with(EventDetails d, EventKind kind, Visibility visibility) {
        return new EventDetails(kind, d.title(), d.description(), d.courseLevel(), d.campaignId(),
                d.secretariatOrganizes(), d.organizerOrganizations(), d.schedule(), d.venue(), d.onlineUrl(),
                visibility, d.registration());
    }

    static EventDetails with(EventDetails d, RegistrationSettings registration) {
        return new EventDetails(d.kind(), d.title(), d.description(), d.courseLevel(), d.campaignId(),
                d.secretariatOrganizes(), d.organizerOrganizations(), d.schedule(), d.venue(), d.onlineUrl(),
                d.visibility(), registration);
    }

    static RegistrationId rid(int n) {
        return new RegistrationId("r-" + n);
    }

    // ---- events of the given histories ----------------------------------------------------------------------------

    static EventScheduled scheduled() {
        return new EventScheduled(WORKSHOP, workshop());
    }

    static EventPublished published() {
        return new EventPublished(WORKSHOP, null);
    }

    /** Registration {@code n} by 「さくら」 confirmed with these seats, as the {@code acceptedAs}-th accepted. */
    static RegistrationConfirmed confirmed(int n, int seats, long acceptedAs) {
        return new RegistrationConfirmed(WORKSHOP, rid(n), Registrant.member(SAKURA, SAKURA_ADMIN), seats,
                acceptedAs, null);
    }

    static RegistrationWaitlisted waitlisted(int n, int seats, long acceptedAs, int position) {
        return new RegistrationWaitlisted(WORKSHOP, rid(n), Registrant.member(SAKURA, SAKURA_ADMIN), seats,
                acceptedAs, position, null);
    }

    static RegisterMember register(int n, int seats) {
        return new RegisterMember(WORKSHOP, rid(n), SAKURA, SAKURA_ADMIN, seats, null);
    }

    // ---- the fixture --------------------------------------------------------------------------------------------

    final InMemorySymposiumNumbers symposiumNumbers = new InMemorySymposiumNumbers(2);
    final InMemoryPersonalDataVault vault = new InMemoryPersonalDataVault();
    final FixtureConfiguration<PortalEvent> fixture = new AggregateTestFixture<>(PortalEvent.class);

    EventScenario() {
        this(NOW);
    }

    EventScenario(Instant now) {
        fixture.registerAnnotatedCommandHandler(new EventCommandHandler(fixture.getRepository(), symposiumNumbers,
                vault, Clock.fixed(now, ZoneOffset.UTC)));
    }

    TestExecutor<PortalEvent> givenNothing() {
        return fixture.givenNoPriorActivity();
    }

    /** The workshop, published, then these events. */
    TestExecutor<PortalEvent> givenPublished(Object... laterEvents) {
        List<Object> events = new ArrayList<>(List.of(scheduled(), published()));
        events.addAll(Arrays.asList(laterEvents));
        return fixture.given(events);
    }

    TestExecutor<PortalEvent> given(Object... events) {
        return fixture.given(Arrays.asList(events));
    }

    // ---- matchers -----------------------------------------------------------------------------------------------

    /** Invalid input that names this field (among others). */
    static Matcher<Throwable> invalidInput(String field) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return actual instanceof InvalidInput invalid
                        && invalid.violations().stream().anyMatch(v -> v.field().equals(field));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("invalid input naming " + field);
            }
        };
    }

    /** A rule violation whose message says this. */
    static Matcher<Throwable> ruleViolation(String saying) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return actual instanceof EventRuleViolation violation && violation.getMessage().contains(saying);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rule violation saying \"" + saying + "\"");
            }
        };
    }
}
