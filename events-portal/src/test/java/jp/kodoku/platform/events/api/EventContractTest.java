package jp.kodoku.platform.events.api;

import jp.kodoku.platform.infra.testsupport.EventContracts;
import jp.kodoku.platform.infra.personaldata.SealedValue;
import jp.kodoku.platform.membership.api.OrganizationId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event is a contract: its stored JSON is pinned in {@code src/test/resources/contracts}. A change of shape
 * fails here; the fix is a new event or an upcaster (with a test reading the old form), never an edited contract.
 */
class EventContractTest {

    private static final EventId EVENT = new EventId("2f6d0b8e-1c1a-4c52-9e0b-6a1d3c5e7f01");
    private static final EventId CAMPAIGN = new EventId("5a0c1b2d-3e4f-4a5b-8c6d-7e8f9a0b1c02");
    private static final RegistrationId REGISTRATION = new RegistrationId("c0ffee00-0000-4000-8000-00000000e001");
    private static final RegistrationId OTHER = new RegistrationId("c0ffee00-0000-4000-8000-00000000e002");
    private static final OrganizationId SAKURA = new OrganizationId("3f0c6a4e-2b1d-4c55-9a51-5a1f0b7e2c01");
    private static final Schedule SCHEDULE = new Schedule(LocalDate.of(2022, 6, 21), LocalTime.of(14, 0),
            LocalDate.of(2022, 6, 21), LocalTime.of(16, 30));
    private static final Schedule WHOLE_DAYS = new Schedule(LocalDate.of(2023, 5, 1), null, LocalDate.of(2023, 5, 31), null);
    private static final EventDetails DETAILS = new EventDetails(EventKind.TRAINING_COURSE, "つながりサポーター養成講座（標準）",
            "孤独・孤立に悩む人に気づき、寄り添うための講座です。", CourseLevel.STANDARD, null, true, List.of(SAKURA),
            SCHEDULE, new Venue("中央合同庁舎8号館", "東京都千代田区永田町1-6-1", "13"), "https://meet.example.jp/course",
            Visibility.PUBLIC, new RegistrationSettings(100, LocalDateTime.of(2022, 5, 1, 9, 0),
            LocalDateTime.of(2022, 6, 20, 17, 0), 3, 3, 2));
    private static final Registrant MEMBER = Registrant.member(SAKURA, "5b8e1f7a-3c2d-4e9f-8a6b-1d0c9e8f7a61");
    private static final Registrant PUBLIC = new Registrant(null, null, new SealedValue(REGISTRATION.value(), "bmFtZQ=="),
            new SealedValue(REGISTRATION.value(), "ZW1haWw="));

    static Stream<Object> events() {
        return Stream.of(
                new EventScheduled(EVENT, DETAILS),
                new CampaignEventProposed(EVENT, SAKURA, new EventDetails(EventKind.CAMPAIGN_EVENT, "居場所フェスタ",
                        "強化月間に合わせた地域の集い", null, CAMPAIGN, false, List.of(SAKURA), WHOLE_DAYS, null,
                        "https://meet.example.jp/festa", Visibility.PUBLIC, null)),
                new CampaignEventApproved(EVENT),
                new CampaignEventRejected(EVENT, "強化月間の趣旨と異なるため"),
                new EventRevised(EVENT, DETAILS),
                new EventPublished(EVENT, 1),
                new EventRescheduled(EVENT, SCHEDULE, WHOLE_DAYS, "会場の都合により延期"),
                new EventCancelled(EVENT, "台風接近のため"),
                new EventFinished(EVENT),
                new PublicRegistrationRequested(EVENT, REGISTRATION, PUBLIC, 2, "ab12", "cd34",
                        new SealedValue(REGISTRATION.value(), "dG9rZW4=")),
                new RegistrationConfirmed(EVENT, REGISTRATION, MEMBER, 2, 1, null),
                new RegistrationWaitlisted(EVENT, REGISTRATION, PUBLIC, 2, 101, 1, "ab12"),
                new PromotedFromWaitlist(EVENT, REGISTRATION, 2, PromotionCause.CANCELLATION, OTHER, 3),
                new RegistrationCancelled(EVENT, REGISTRATION, RegistrationStatus.WAITLISTED, 2),
                new RegistrationRemoved(EVENT, REGISTRATION, RegistrationStatus.CONFIRMED, 2, "重複登録のため"),
                new WaitlistEntryMoved(EVENT, REGISTRATION, 2, 1, "登壇者の同行者", List.of(REGISTRATION, OTHER)),
                new AttendanceRecorded(EVENT, REGISTRATION, 1),
                new RegistrantPersonalDataErased(EVENT, REGISTRATION, "本人からの請求"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void keeps_its_stored_shape_and_reads_its_stored_form(Object event) throws IOException {
        EventContracts.assertKeepsItsContract(event);
    }

    /** An event record of the api package without a case above fails here, so none goes unpinned. */
    @Test
    void every_event_of_the_module_has_a_contract_case() throws IOException {
        Set<String> cased = events().map(e -> e.getClass().getSimpleName()).collect(Collectors.toSet());
        Set<String> events;
        try (Stream<Path> files = Files.list(Path.of("src/main/java/jp/kodoku/platform/events/api"))) {
            events = files.map(f -> f.getFileName().toString().replace(".java", ""))
                          .filter(EventContractTest::isEventName)
                          .collect(Collectors.toSet());
        }
        assertThat(cased).containsExactlyInAnyOrderElementsOf(events);
    }

    /** Past tense, as DESIGN.md §5 names events. */
    private static boolean isEventName(String name) {
        return (name.endsWith("ed") || name.equals("PromotedFromWaitlist")) && !name.equals("RegistrationWindowClosed");
    }
}
