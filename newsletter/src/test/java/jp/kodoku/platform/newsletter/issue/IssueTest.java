package jp.kodoku.platform.newsletter.issue;

import jp.kodoku.platform.newsletter.api.*;
import org.junit.jupiter.api.Test;

import jp.kodoku.platform.membership.api.MemberCategory;

import java.time.Instant;
import java.util.Set;

import static jp.kodoku.platform.newsletter.issue.IssueScenario.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An issue from draft to sent: sections, items, scheduling, numbers, cancellation, and a sent issue never changing. */
class IssueTest {

    private final IssueScenario scenario = new IssueScenario();

    // ---- drafting ---------------------------------------------------------------------------------------------------

    @Test
    void a_new_issue_is_a_draft_with_the_five_sections() {
        scenario.givenNothing()
                .when(new DraftIssue(ISSUE, "  " + SUBJECT + " ", MAY_18))
                .expectEvents(new IssueDrafted(ISSUE, SUBJECT, MAY_18, Section.DEFAULTS))
                .expectResultMessagePayload(0L);
        assertThat(Section.DEFAULTS).extracting(Section::title)
                                    .containsExactly("お知らせ", "会員の活動紹介", "支援情報", "イベント案内", "事務局訪問記");
    }

    @Test
    void a_subject_is_required() {
        scenario.givenNothing()
                .when(new DraftIssue(ISSUE, " ", MAY_18))
                .expectException(invalidInput("subject"))
                .expectNoEvents();
    }

    @Test
    void a_subject_has_at_most_100_characters() {
        scenario.givenNothing()
                .when(new DraftIssue(ISSUE, "孤".repeat(IssueRules.SUBJECT_MAX + 1), MAY_18))
                .expectException(invalidInput("subject"))
                .expectNoEvents();
    }

    @Test
    void a_planned_send_time_is_required() {
        scenario.givenNothing()
                .when(new DraftIssue(ISSUE, SUBJECT, null))
                .expectException(invalidInput("plannedSendAt"))
                .expectNoEvents();
    }

    @Test
    void a_draft_changes_its_subject_and_time() {
        Instant later = MAY_18.plusSeconds(3600);
        scenario.givenDraft()
                .when(new ReviseIssue(ISSUE, 1L, "メールマガジン 臨時号", later))
                .expectEvents(new IssueRevised(ISSUE, "メールマガジン 臨時号", later));
    }

    // ---- sections ---------------------------------------------------------------------------------------------------

    @Test
    void the_secretariat_adds_a_section_of_its_own_after_the_others() {
        scenario.givenDraft()
                .when(new AddSection(ISSUE, 1L, "分科会だより"))
                .expectEvents(new IssueSectionAdded(ISSUE, new Section("section-1", "分科会だより")));
    }

    @Test
    void the_key_of_a_removed_section_is_not_given_again() {
        scenario.givenDraft(new IssueSectionAdded(ISSUE, new Section("section-1", "分科会だより")),
                        new IssueSectionRemoved(ISSUE, "section-1"))
                .when(new AddSection(ISSUE, 3L, "地方版プラットフォームから"))
                .expectEvents(new IssueSectionAdded(ISSUE, new Section("section-2", "地方版プラットフォームから")));
    }

    @Test
    void an_empty_section_is_removed() {
        scenario.givenDraft()
                .when(new RemoveSection(ISSUE, 1L, "visits"))
                .expectEvents(new IssueSectionRemoved(ISSUE, "visits"));
    }

    @Test
    void a_section_with_items_is_not_removed() {
        scenario.givenDraft()
                .when(new RemoveSection(ISSUE, 1L, "member-activities"))
                .expectException(ruleViolation("still has 1 items"))
                .expectNoEvents();
    }

    // ---- items ------------------------------------------------------------------------------------------------------

    @Test
    void an_item_goes_to_the_end_of_its_section() {
        scenario.givenDraft()
                .when(new AddItem(ISSUE, 1L, GRANT_ITEM, "support", GRANT))
                .expectEvents(grantAdded());
    }

    @Test
    void an_item_names_a_section_of_the_issue() {
        scenario.givenDraft()
                .when(new AddItem(ISSUE, 1L, GRANT_ITEM, "grants", GRANT))
                .expectException(invalidInput("sectionKey"))
                .expectNoEvents();
    }

    @Test
    void an_item_has_a_title_and_a_body_within_their_limits() {
        scenario.givenDraft()
                .when(new AddItem(ISSUE, 1L, GRANT_ITEM, "support",
                        new ItemContent("", "あ".repeat(IssueRules.ITEM_BODY_MAX + 1), null, false)))
                .expectException(invalidInput("content.title"))
                .expectException(invalidInput("content.body"))
                .expectNoEvents();
    }

    @Test
    void an_items_link_is_an_http_or_https_address() {
        scenario.givenDraft()
                .when(new AddItem(ISSUE, 1L, GRANT_ITEM, "support",
                        new ItemContent("助成", "本文", "javascript:alert(1)", false)))
                .expectException(invalidInput("content.link"))
                .expectNoEvents();
    }

    @Test
    void an_item_is_revised_and_marked_for_members_only() {
        ItemContent membersOnly = new ItemContent(SAKURA.title(), SAKURA.body(), SAKURA.link(), true);
        scenario.givenDraft()
                .when(new ReviseItem(ISSUE, 1L, SAKURA_ITEM, membersOnly))
                .expectEvents(new IssueItemRevised(ISSUE, SAKURA_ITEM, membersOnly));
    }

    @Test
    void an_item_the_issue_does_not_have_is_not_found() {
        scenario.givenDraft()
                .when(new RemoveItem(ISSUE, 1L, GRANT_ITEM))
                .expectException(ItemNotFound.class)
                .expectNoEvents();
    }

    @Test
    void an_item_moves_to_a_position_in_another_section() {
        scenario.givenDraft(grantAdded())
                .when(new MoveItem(ISSUE, 2L, SAKURA_ITEM, "support", 0))
                .expectEvents(new IssueItemMoved(ISSUE, SAKURA_ITEM, "support", 0));
    }

    @Test
    void an_item_moves_no_further_than_the_end_of_the_section() {
        scenario.givenDraft(grantAdded())
                .when(new MoveItem(ISSUE, 2L, SAKURA_ITEM, "support", 2))
                .expectException(invalidInput("position"))
                .expectNoEvents();
    }

    // ---- scheduling -------------------------------------------------------------------------------------------------

    @Test
    void a_draft_with_items_is_scheduled_for_its_planned_time() {
        scenario.givenDraft()
                .when(new ScheduleIssue(ISSUE, 1L))
                .expectEvents(new IssueSegmentChosen(ISSUE, Segment.EVERYONE), scheduled());
    }

    @Test
    void a_scheduled_issue_goes_to_the_segment_chosen_with_it() {
        Segment tokyoMembers = new Segment(Audience.MEMBERS, Set.of(MemberCategory.REGULAR), Set.of("13"), Set.of(),
                Set.of());
        scenario.givenDraft()
                .when(new ScheduleIssue(ISSUE, 1L, tokyoMembers))
                .expectEvents(new IssueSegmentChosen(ISSUE, tokyoMembers), scheduled());
    }

    @Test
    void an_issue_is_scheduled_with_a_segment() {
        assertThatThrownBy(() -> new ScheduleIssue(ISSUE, 1L, null))
                .isInstanceOf(InvalidNewsletterInput.class).hasMessageContaining("segment");
    }

    @Test
    void an_issue_whose_planned_time_has_passed_is_not_scheduled() {
        new IssueScenario(MAY_18.plusSeconds(60)).givenDraft()
                .when(new ScheduleIssue(ISSUE, 1L))
                .expectException(ruleViolation("the planned send time has passed"))
                .expectNoEvents();
    }

    @Test
    void an_issue_without_items_is_not_scheduled() {
        scenario.given(drafted())
                .when(new ScheduleIssue(ISSUE, 0L))
                .expectException(ruleViolation("without items"))
                .expectNoEvents();
    }

    @Test
    void a_scheduled_issue_is_not_edited_until_it_is_back_in_draft() {
        scenario.givenDraft(scheduled())
                .when(new AddItem(ISSUE, 2L, GRANT_ITEM, "support", GRANT))
                .expectException(ruleViolation("return it to draft first"))
                .expectNoEvents();
    }

    @Test
    void a_scheduled_issue_goes_back_to_draft() {
        scenario.givenDraft(scheduled())
                .when(new ReturnIssueToDraft(ISSUE, 2L))
                .expectEvents(new IssueReturnedToDraft(ISSUE));
    }

    // ---- cancelling -------------------------------------------------------------------------------------------------

    @Test
    void a_scheduled_issue_is_cancelled_with_a_reason() {
        scenario.givenDraft(scheduled())
                .when(new CancelIssue(ISSUE, 2L, "臨時号と内容が重複するため"))
                .expectEvents(new IssueCancelled(ISSUE, "臨時号と内容が重複するため"));
    }

    @Test
    void a_cancellation_needs_a_reason() {
        scenario.givenDraft()
                .when(new CancelIssue(ISSUE, 1L, ""))
                .expectException(invalidInput("reason"))
                .expectNoEvents();
    }

    @Test
    void a_cancelled_issue_never_goes_out_and_takes_no_number() {
        scenario.givenDraft(scheduled(), new IssueCancelled(ISSUE, "重複"))
                .when(new StartSendingIssue(ISSUE))
                .expectException(ruleViolation("only a scheduled issue starts going out"))
                .expectNoEvents();
        assertThat(scenario.numbers.given()).isEqualTo(2);
    }

    // ---- sending ----------------------------------------------------------------------------------------------------

    @Test
    void an_issue_takes_the_next_number_when_it_starts_going_out() {
        new IssueScenario(MAY_18).givenDraft(scheduled())
                .when(new StartSendingIssue(ISSUE))
                .expectEvents(sendingStarted(3));
    }

    @Test
    void a_scheduled_issue_does_not_start_by_its_timer_before_its_planned_time() {
        scenario.givenDraft(scheduled())
                .when(new StartSendingIssue(ISSUE))
                .expectException(ruleViolation("has not come"))
                .expectNoEvents();
        assertThat(scenario.numbers.given()).isEqualTo(2);
    }

    @Test
    void the_secretariat_sends_a_scheduled_issue_at_once_before_its_planned_time() {
        scenario.givenDraft(scheduled())
                .when(new StartSendingIssue(ISSUE, 2L, true))
                .expectEvents(new IssueSendingStarted(ISSUE, 3, NOW));
    }

    @Test
    void a_draft_is_not_sent_at_once_without_being_scheduled() {
        scenario.givenDraft()
                .when(new StartSendingIssue(ISSUE, 1L, true))
                .expectException(ruleViolation("only a scheduled issue starts going out"))
                .expectNoEvents();
    }

    @Test
    void a_repeated_start_changes_nothing_and_draws_no_number() {
        scenario.givenDraft(scheduled(), sendingStarted(3))
                .when(new StartSendingIssue(ISSUE))
                .expectNoEvents()
                .expectResultMessagePayload(3L);
        assertThat(scenario.numbers.given()).isEqualTo(2);
    }

    @Test
    void an_issue_going_out_is_not_cancelled() {
        scenario.givenDraft(scheduled(), sendingStarted(3))
                .when(new CancelIssue(ISSUE, 3L, "誤りがあったため"))
                .expectException(ruleViolation("cannot be cancelled"))
                .expectNoEvents();
    }

    @Test
    void sending_ends_with_the_counts_of_delivered_and_given_up_mails() {
        scenario.givenDraft(scheduled(), sendingStarted(3))
                .when(new MarkIssueSent(ISSUE, 1998, 2))
                .expectEvents(new IssueSent(ISSUE, NOW, 1998, 2));
    }

    @Test
    void a_sent_issue_never_changes() {
        scenario.givenDraft(scheduled(), sendingStarted(3), new IssueSent(ISSUE, MAY_18, 1998, 2))
                .when(new ReviseItem(ISSUE, 4L, SAKURA_ITEM, GRANT))
                .expectException(ruleViolation("never changes; a correction goes in a new issue"))
                .expectNoEvents();
    }

    @Test
    void a_sent_issue_is_marked_sent_once() {
        scenario.givenDraft(scheduled(), sendingStarted(3), new IssueSent(ISSUE, MAY_18, 1998, 2))
                .when(new MarkIssueSent(ISSUE, 2000, 0))
                .expectNoEvents();
    }

    // ---- issues sent before the platform kept the newsletter --------------------------------------------------------

    private static final Instant MARCH_28_2022 = java.time.LocalDateTime.of(2022, 3, 28, 9, 0).atZone(JAPAN).toInstant();

    @Test
    void an_issue_sent_before_the_platform_is_recorded_as_sent_at_its_own_time_with_the_next_number() {
        scenario.givenNothing()
                .when(imported(MARCH_28_2022, "member-activities"))
                .expectEvents(new IssueDrafted(ISSUE, SUBJECT, MARCH_28_2022, Section.DEFAULTS),
                        new IssueItemAdded(ISSUE, SAKURA_ITEM, "member-activities", SAKURA),
                        new IssueSegmentChosen(ISSUE, Segment.EVERYONE),
                        new IssueScheduled(ISSUE, MARCH_28_2022),
                        new IssueSendingStarted(ISSUE, 3, MARCH_28_2022),
                        new IssueSent(ISSUE, MARCH_28_2022, 0, 0));
        assertThat(scenario.numbers.given()).isEqualTo(3);
    }

    @Test
    void an_imported_issue_went_out_in_the_past_and_takes_no_number_otherwise() {
        scenario.givenNothing()
                .when(imported(MAY_18, "member-activities"))
                .expectException(invalidInput("sentAt"))
                .expectNoEvents();
        assertThat(scenario.numbers.given()).isEqualTo(2);
    }

    @Test
    void an_imported_issue_has_items_in_the_issue_s_sections() {
        scenario.givenNothing()
                .when(imported(MARCH_28_2022, "no-such-section"))
                .expectException(invalidInput("sectionKey"))
                .expectNoEvents();
    }

    /** The issue to everyone with the item of さくら in this section, as sent at {@code sentAt}. */
    private static ImportSentIssue imported(Instant sentAt, String section) {
        return new ImportSentIssue(ISSUE, SUBJECT, Segment.EVERYONE, sentAt,
                java.util.List.of(new ImportSentIssue.Item(SAKURA_ITEM, section, SAKURA)));
    }
}
