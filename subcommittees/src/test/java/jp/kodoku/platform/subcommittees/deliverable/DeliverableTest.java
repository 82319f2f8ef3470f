package jp.kodoku.platform.subcommittees.deliverable;

import jp.kodoku.platform.infra.files.Attachments;
import jp.kodoku.platform.infra.files.StoredFile;
import jp.kodoku.platform.infra.files.Upload;
import jp.kodoku.platform.infra.testsupport.InMemoryFileStorage;
import jp.kodoku.platform.subcommittees.api.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/** Deliverables (検討成果, 中間整理, 報告書): one given/when/then per rule. */
class DeliverableTest {

    static final SubcommitteeId BUNKAKAI_3 = SubcommitteeId.ofNumber(3);
    static final DeliverableId INTERIM = new DeliverableId("d0000000-0000-4000-8000-000000000001");
    static final MeetingId SEPTEMBER = new MeetingId("e0000000-0000-4000-8000-000000000009");
    static final MeetingId CANCELLED = new MeetingId("e0000000-0000-4000-8000-000000000010");
    static final LocalDate NOVEMBER_9 = LocalDate.of(2022, 11, 9);
    static final DeliverableRecorded RECORDED = new DeliverableRecorded(INTERIM, BUNKAKAI_3, "中間整理", DeliverableKind.INTERIM_SUMMARY,
            NOVEMBER_9, "相談支援の連携について論点を整理した。", Visibility.MEMBERS, List.of(SEPTEMBER));

    private FixtureConfiguration<Deliverable> fixture;
    private final java.util.Map<MeetingId, MeetingsOfSubcommittee.Held> meetings = new java.util.HashMap<>();

    @BeforeEach
    void fixture() {
        meetings.put(SEPTEMBER, new MeetingsOfSubcommittee.Held(BUNKAKAI_3, LocalDate.of(2022, 9, 20), false));
        meetings.put(CANCELLED, new MeetingsOfSubcommittee.Held(BUNKAKAI_3, LocalDate.of(2022, 10, 1), true));
        fixture = new AggregateTestFixture<>(Deliverable.class);
        fixture.registerAnnotatedCommandHandler(new DeliverableCommandHandler(fixture.getRepository(),
                meeting -> java.util.Optional.ofNullable(meetings.get(meeting)),
                new Attachments(new InMemoryFileStorage())));
    }

    @Test
    void a_deliverable_is_recorded_with_the_meetings_that_produced_it() {
        fixture.givenNoPriorActivity()
               .when(new RecordDeliverable(INTERIM, BUNKAKAI_3, " 中間整理 ", DeliverableKind.INTERIM_SUMMARY, NOVEMBER_9,
                       "相談支援の連携について論点を整理した。", Visibility.MEMBERS, List.of(SEPTEMBER)))
               .expectEvents(RECORDED);
    }

    @Test
    void a_deliverable_dated_before_a_meeting_that_produced_it_is_refused() {
        fixture.givenNoPriorActivity()
               .when(new RecordDeliverable(INTERIM, BUNKAKAI_3, "中間整理", DeliverableKind.INTERIM_SUMMARY,
                       LocalDate.of(2022, 9, 1), null, Visibility.MEMBERS, List.of(SEPTEMBER)))
               .expectException(InvalidSubcommitteeInput.class)
               .expectNoEvents();
    }

    @Test
    void a_deliverable_names_only_meetings_of_its_subcommittee_that_took_place() {
        fixture.givenNoPriorActivity()
               .when(new RecordDeliverable(INTERIM, BUNKAKAI_3, "中間整理", DeliverableKind.INTERIM_SUMMARY, NOVEMBER_9,
                       null, Visibility.MEMBERS, List.of(new MeetingId("e0000000-0000-4000-8000-000000000099"))))
               .expectException(InvalidSubcommitteeInput.class)
               .expectNoEvents();
        fixture.givenNoPriorActivity()
               .when(new RecordDeliverable(INTERIM, BUNKAKAI_3, "中間整理", DeliverableKind.INTERIM_SUMMARY, NOVEMBER_9,
                       null, Visibility.MEMBERS, List.of(CANCELLED)))
               .expectException(InvalidSubcommitteeInput.class)
               .expectNoEvents();
    }

    @Test
    void a_deliverable_has_a_kind_and_who_may_read_it() {
        fixture.givenNoPriorActivity()
               .when(new RecordDeliverable(INTERIM, BUNKAKAI_3, "中間整理", null, NOVEMBER_9, null, null, List.of()))
               .expectException(InvalidSubcommitteeInput.class)
               .expectNoEvents();
    }

    @Test
    void a_members_only_deliverable_is_made_public_and_making_it_public_again_records_nothing() {
        fixture.given(RECORDED)
               .when(new SetDeliverableVisibility(INTERIM, BUNKAKAI_3, null, Visibility.PUBLIC))
               .expectEvents(new DeliverableVisibilityChanged(INTERIM, BUNKAKAI_3, Visibility.PUBLIC));
        fixture.given(RECORDED, new DeliverableVisibilityChanged(INTERIM, BUNKAKAI_3, Visibility.PUBLIC))
               .when(new SetDeliverableVisibility(INTERIM, BUNKAKAI_3, null, Visibility.PUBLIC))
               .expectNoEvents();
    }

    @Test
    void a_revision_with_the_same_content_records_nothing() {
        fixture.given(RECORDED)
               .when(new ReviseDeliverable(INTERIM, BUNKAKAI_3, null, "中間整理", DeliverableKind.INTERIM_SUMMARY, NOVEMBER_9,
                       "相談支援の連携について論点を整理した。", List.of(SEPTEMBER)))
               .expectNoEvents();
    }

    @Test
    void the_report_itself_is_attached_by_its_bytes() {
        byte[] pdf = "%PDF-1.7\n中間整理\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        fixture.given(RECORDED)
               .when(new AttachDeliverableFile(INTERIM, BUNKAKAI_3, null, new Upload("中間整理.pdf", "application/pdf", pdf)))
               .expectEvents(new DeliverableFileAttached(INTERIM, BUNKAKAI_3,
                       new StoredFile(Attachments.sha256(pdf), "中間整理.pdf", "application/pdf", pdf.length)));
    }

    @Test
    void a_deliverable_of_another_subcommittee_is_not_found_through_this_one() {
        fixture.given(RECORDED)
               .when(new SetDeliverableVisibility(INTERIM, SubcommitteeId.ofNumber(2), null, Visibility.PUBLIC))
               .expectException(jp.kodoku.platform.infra.errors.NotFound.class)
               .expectNoEvents();
    }
}
