package jp.kodoku.platform.subcommittees.meeting;

import jp.kodoku.platform.infra.errors.InvalidInput;
import jp.kodoku.platform.infra.errors.NotFound;
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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static jp.kodoku.platform.subcommittees.meeting.MeetingTest.*;
import static org.assertj.core.api.Assertions.assertThat;

/** A meeting's visibility, agenda (items, order, presenters, files) and attendance: one given/when/then per rule. */
class MeetingAgendaTest {

    static final AgendaItemId OPENING = new AgendaItemId("a0000000-0000-4000-8000-000000000001");
    static final AgendaItemId REPORT = new AgendaItemId("a0000000-0000-4000-8000-000000000002");
    static final OrganizationRef LIFELINK = new OrganizationRef("91fb12fb-5f93-324f-bd0f-cb0532be4ed7", "NPO法人ライフリンク");
    static final byte[] PDF = "%PDF-1.7\n資料\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    static final StoredFile SLIDES = new StoredFile(Attachments.sha256(PDF), "報告資料.pdf", "application/pdf", PDF.length);
    /** The meeting of June 15 has begun: 14:30 in Japan. */
    static final Clock JUNE_15_230PM = Clock.fixed(Instant.parse("2026-06-15T05:30:00Z"), ZoneId.of("Asia/Tokyo"));

    private FixtureConfiguration<Meeting> fixture;
    private InMemoryFileStorage files;

    private void at(Clock clock) {
        fixture = new AggregateTestFixture<>(Meeting.class);
        files = new InMemoryFileStorage();
        fixture.registerAnnotatedCommandHandler(new MeetingCommandHandler(fixture.getRepository(), new Attachments(files), clock));
    }

    @BeforeEach
    void beforeTheMeeting() {
        at(JUNE_1_9AM);
    }

    @Test
    void the_chair_marks_a_meeting_public_and_marking_it_again_records_nothing() {
        fixture.given(SCHEDULED)
               .when(new SetMeetingVisibility(MEETING, BUNKAKAI_3, null, true))
               .expectEvents(new MeetingVisibilityChanged(MEETING, BUNKAKAI_3, true));
        fixture.given(SCHEDULED, new MeetingVisibilityChanged(MEETING, BUNKAKAI_3, true))
               .when(new SetMeetingVisibility(MEETING, BUNKAKAI_3, null, true))
               .expectNoEvents();
    }

    @Test
    void agenda_items_are_added_at_the_end_with_their_presenter() {
        fixture.given(SCHEDULED, new AgendaItemAdded(MEETING, BUNKAKAI_3, OPENING, "開会", null))
               .when(new AddAgendaItem(MEETING, BUNKAKAI_3, null, REPORT, " 相談支援の連携事例の報告 ", LIFELINK))
               .expectEvents(new AgendaItemAdded(MEETING, BUNKAKAI_3, REPORT, "相談支援の連携事例の報告", LIFELINK));
    }

    @Test
    void an_agenda_item_needs_a_title() {
        fixture.given(SCHEDULED)
               .when(new AddAgendaItem(MEETING, BUNKAKAI_3, null, REPORT, " ", LIFELINK))
               .expectException(InvalidSubcommitteeInput.class)
               .expectNoEvents();
    }

    @Test
    void a_cancelled_meeting_gets_no_agenda() {
        fixture.given(SCHEDULED, new MeetingCancelled(MEETING, BUNKAKAI_3, "台風の接近のため"))
               .when(new AddAgendaItem(MEETING, BUNKAKAI_3, null, REPORT, "報告", LIFELINK))
               .expectException(SubcommitteeRuleViolation.class)
               .expectNoEvents();
    }

    @Test
    void the_agenda_is_reordered_only_as_a_whole() {
        fixture.given(SCHEDULED, new AgendaItemAdded(MEETING, BUNKAKAI_3, OPENING, "開会", null),
                       new AgendaItemAdded(MEETING, BUNKAKAI_3, REPORT, "報告", LIFELINK))
               .when(new ReorderAgenda(MEETING, BUNKAKAI_3, null, List.of(REPORT, OPENING)))
               .expectEvents(new AgendaReordered(MEETING, BUNKAKAI_3, List.of(REPORT, OPENING)));
        fixture.given(SCHEDULED, new AgendaItemAdded(MEETING, BUNKAKAI_3, OPENING, "開会", null),
                       new AgendaItemAdded(MEETING, BUNKAKAI_3, REPORT, "報告", LIFELINK))
               .when(new ReorderAgenda(MEETING, BUNKAKAI_3, null, List.of(REPORT)))
               .expectException(InvalidSubcommitteeInput.class)
               .expectNoEvents();
    }

    @Test
    void an_item_is_changed_and_removed_only_when_it_is_on_the_agenda() {
        fixture.given(SCHEDULED, new AgendaItemAdded(MEETING, BUNKAKAI_3, OPENING, "開会", null))
               .when(new ChangeAgendaItem(MEETING, BUNKAKAI_3, null, OPENING, "開会・資料確認", null))
               .expectEvents(new AgendaItemChanged(MEETING, BUNKAKAI_3, OPENING, "開会・資料確認", null));
        fixture.given(SCHEDULED, new AgendaItemAdded(MEETING, BUNKAKAI_3, OPENING, "開会", null))
               .when(new RemoveAgendaItem(MEETING, BUNKAKAI_3, null, REPORT))
               .expectException(NotFound.class)
               .expectNoEvents();
    }

    @Test
    void a_file_attached_to_an_item_is_stored_by_the_hash_of_its_bytes() {
        fixture.given(SCHEDULED, new AgendaItemAdded(MEETING, BUNKAKAI_3, REPORT, "報告", LIFELINK))
               .when(new AttachAgendaFile(MEETING, BUNKAKAI_3, null, REPORT, new Upload("報告資料.pdf", "application/pdf", PDF)))
               .expectEvents(new AgendaFileAttached(MEETING, BUNKAKAI_3, REPORT, SLIDES));
        assertThat(files.get(SLIDES.sha256())).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(PDF));
    }

    @Test
    void a_file_whose_bytes_are_not_its_type_is_refused_and_not_kept() {
        fixture.given(SCHEDULED, new AgendaItemAdded(MEETING, BUNKAKAI_3, REPORT, "報告", LIFELINK))
               .when(new AttachAgendaFile(MEETING, BUNKAKAI_3, null, REPORT,
                       new Upload("報告資料.docx", null, PDF)))
               .expectException(InvalidInput.class)
               .expectNoEvents();
        assertThat(files.size()).isZero();
    }

    @Test
    void attendance_is_recorded_once_the_meeting_has_begun() {
        at(JUNE_15_230PM);
        fixture.given(SCHEDULED)
               .when(new RecordAttendance(MEETING, BUNKAKAI_3, null, List.of(new Attendance(LIFELINK, 3))))
               .expectEvents(new AttendanceRecorded(MEETING, BUNKAKAI_3, List.of(new Attendance(LIFELINK, 3))));
    }

    @Test
    void attendance_of_a_meeting_still_to_come_is_refused() {
        fixture.given(SCHEDULED)
               .when(new RecordAttendance(MEETING, BUNKAKAI_3, null, List.of(new Attendance(LIFELINK, 3))))
               .expectException(SubcommitteeRuleViolation.class)
               .expectNoEvents();
    }

    @Test
    void attendance_names_each_organization_once_with_at_least_one_person() {
        at(JUNE_15_230PM);
        fixture.given(SCHEDULED)
               .when(new RecordAttendance(MEETING, BUNKAKAI_3, null,
                       List.of(new Attendance(LIFELINK, 3), new Attendance(LIFELINK, 1))))
               .expectException(InvalidSubcommitteeInput.class)
               .expectNoEvents();
        fixture.given(SCHEDULED)
               .when(new RecordAttendance(MEETING, BUNKAKAI_3, null, List.of(new Attendance(LIFELINK, 0))))
               .expectException(InvalidSubcommitteeInput.class)
               .expectNoEvents();
    }
}
