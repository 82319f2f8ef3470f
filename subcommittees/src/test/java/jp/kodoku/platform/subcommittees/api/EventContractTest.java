package jp.kodoku.platform.subcommittees.api;

import jp.kodoku.platform.infra.testsupport.EventContracts;
import jp.kodoku.platform.membership.api.OrganizationId;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event is a contract: its stored JSON is pinned in {@code src/test/resources/contracts}. A change of shape
 * fails here; the fix is a new event or an upcaster (with a test reading the old form), never an edited contract. An
 * event the aggregates source themselves from without a sample here fails too.
 */
class EventContractTest {

    private static final SubcommitteeId BUNKAKAI_3 = SubcommitteeId.ofNumber(3);
    private static final OrganizationId LIFELINK = new OrganizationId("91fb12fb-5f93-324f-bd0f-cb0532be4ed7");
    private static final OrganizationId SAKURA = new OrganizationId("3f0c6a4e-2b1d-4c55-9a51-5a1f0b7e2c01");
    private static final String ACCOUNT = "5b8e1f7a-3c2d-4e9f-8a6b-1d0c9e8f7a61";
    /** The aggregates whose events are published; a new aggregate is added here. */
    private static final List<String> AGGREGATES = List.of("jp.kodoku.platform.subcommittees.subcommittee.Subcommittee",
            "jp.kodoku.platform.subcommittees.poll.DatePoll", "jp.kodoku.platform.subcommittees.meeting.Meeting",
            "jp.kodoku.platform.subcommittees.meeting.Minutes", "jp.kodoku.platform.subcommittees.deliverable.Deliverable");
    private static final PollId POLL = new PollId("6f1d2c3b-4a59-4e68-9f70-8a9b0c1d2e3f");
    private static final PollSlot SLOT = new PollSlot("9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a",
            java.time.LocalDate.of(2026, 6, 15), java.time.LocalTime.of(14, 0), java.time.LocalTime.of(16, 0));
    private static final PollSlot WHOLE_DAY = new PollSlot("a1b2c3d4-0000-4000-8000-000000000019",
            java.time.LocalDate.of(2026, 6, 19), null, null);

    private static final AgendaItemId ITEM = new AgendaItemId("a0000000-0000-4000-8000-000000000002");
    private static final DeliverableId DELIVERABLE = new DeliverableId("d0000000-0000-4000-8000-000000000001");
    private static final jp.kodoku.platform.infra.files.StoredFile FILE = new jp.kodoku.platform.infra.files.StoredFile(
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "中間整理.pdf", "application/pdf", 182_044);

    static Stream<Object> events() {
        return Stream.of(
                new SubcommitteeCreated(BUNKAKAI_3, 3, "相談支援に係る実務的な相互連携の在り方", "実務的な相互連携の在り方を検討。",
                        List.of(LIFELINK)),
                new LeadOrganizationsChanged(BUNKAKAI_3, List.of(LIFELINK, SAKURA)),
                new SubcommitteeClosed(BUNKAKAI_3, "検討を終えたため"),
                new SubcommitteeMembershipRequested(BUNKAKAI_3, SAKURA, "居場所づくりの知見を共有したい"),
                new SubcommitteeMembershipRequestDeclined(BUNKAKAI_3, SAKURA, "今期は定員に達しています"),
                new SubcommitteeMemberJoined(BUNKAKAI_3, SAKURA, JoinRoute.REQUEST_APPROVED),
                new SubcommitteeMemberLeft(BUNKAKAI_3, SAKURA, LeavingCause.MEMBERSHIP_WITHDRAWN, "退会: 活動終了"),
                new ChairAppointed(BUNKAKAI_3, ACCOUNT, LIFELINK),
                new ChairTermEnded(BUNKAKAI_3, ACCOUNT, "任期満了"),
                new DatePollOpened(POLL, BUNKAKAI_3, "第5回 日程調整", java.time.Instant.parse("2026-06-10T08:00:00Z"),
                        List.of(SLOT, WHOLE_DAY)),
                new PollSlotAdded(POLL, WHOLE_DAY),
                new PollSlotChanged(POLL, SLOT),
                new PollSlotRemoved(POLL, WHOLE_DAY.slotId()),
                new DatePollAnswered(POLL, LIFELINK, java.util.Map.of(SLOT.slotId(), new SlotAnswer(PollChoice.MAYBE, "午後なら"))),
                new PollSlotConfirmed(POLL, BUNKAKAI_3, "第5回 日程調整", SLOT),
                new MeetingScheduled(MeetingId.fromPoll(POLL), BUNKAKAI_3, "第5回 日程調整", SLOT.date(), SLOT.start(),
                        SLOT.end(), POLL),
                new MeetingRescheduled(MeetingId.fromPoll(POLL), BUNKAKAI_3, java.time.LocalDate.of(2026, 6, 22),
                        java.time.LocalTime.of(10, 0), java.time.LocalTime.of(12, 0), "会場の都合により"),
                new MeetingCancelled(MeetingId.fromPoll(POLL), BUNKAKAI_3, "台風の接近のため"),
                new MeetingPlaceSet(MeetingId.fromPoll(POLL), BUNKAKAI_3, "東京都千代田区霞が関1-2-2 中央合同庁舎5号館 会議室A",
                        "https://meet.example.jp/bunkakai3-5"),
                new MeetingVisibilityChanged(MeetingId.fromPoll(POLL), BUNKAKAI_3, true),
                new AgendaItemAdded(MeetingId.fromPoll(POLL), BUNKAKAI_3, ITEM, "相談支援の連携事例の報告",
                        new OrganizationRef(LIFELINK.value(), "NPO法人ライフリンク")),
                new AgendaItemChanged(MeetingId.fromPoll(POLL), BUNKAKAI_3, ITEM, "連携事例の報告", null),
                new AgendaItemRemoved(MeetingId.fromPoll(POLL), BUNKAKAI_3, ITEM),
                new AgendaReordered(MeetingId.fromPoll(POLL), BUNKAKAI_3, List.of(ITEM)),
                new AgendaFileAttached(MeetingId.fromPoll(POLL), BUNKAKAI_3, ITEM, FILE),
                new AgendaFileRemoved(MeetingId.fromPoll(POLL), BUNKAKAI_3, ITEM, FILE.sha256()),
                new AttendanceRecorded(MeetingId.fromPoll(POLL), BUNKAKAI_3,
                        List.of(new Attendance(new OrganizationRef(LIFELINK.value(), "NPO法人ライフリンク"), 3))),
                new MinutesRevisionSaved(MeetingId.fromPoll(POLL), BUNKAKAI_3, 2, "第5回 議事録\n1. 開会", 1),
                new MinutesFinalized(MeetingId.fromPoll(POLL), BUNKAKAI_3, 2),
                new MinutesPublished(MeetingId.fromPoll(POLL), BUNKAKAI_3, Visibility.PUBLIC),
                new DeliverableRecorded(DELIVERABLE, BUNKAKAI_3, "中間整理", DeliverableKind.INTERIM_SUMMARY,
                        java.time.LocalDate.of(2022, 11, 9), "論点を整理した。", Visibility.MEMBERS, List.of(MeetingId.fromPoll(POLL))),
                new DeliverableRevised(DELIVERABLE, BUNKAKAI_3, "中間整理（改訂）", DeliverableKind.INTERIM_SUMMARY,
                        java.time.LocalDate.of(2022, 11, 9), null, List.of()),
                new DeliverableVisibilityChanged(DELIVERABLE, BUNKAKAI_3, Visibility.PUBLIC),
                new DeliverableFileAttached(DELIVERABLE, BUNKAKAI_3, FILE),
                new DeliverableFileRemoved(DELIVERABLE, BUNKAKAI_3, FILE.sha256()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void keeps_its_stored_shape_and_reads_its_stored_form(Object event) throws IOException {
        EventContracts.assertKeepsItsContract(event);
    }

    @Test
    void every_event_an_aggregate_is_made_of_has_a_contract() throws ClassNotFoundException {
        Set<Class<?>> sampled = events().map(Object::getClass).collect(Collectors.toSet());
        for (String aggregate : AGGREGATES) {
            Set<Class<?>> sourced = Arrays.stream(Class.forName(aggregate).getDeclaredMethods())
                                          .filter(m -> m.isAnnotationPresent(EventSourcingHandler.class))
                                          .map(Method::getParameterTypes).map(p -> p[0])
                                          .collect(Collectors.toSet());
            assertThat(sampled).as("events of " + aggregate + " with a contract sample").containsAll(sourced);
        }
    }
}
