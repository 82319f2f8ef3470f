package jp.kodoku.platform.newsletter.proposal;

import jp.kodoku.platform.infra.testsupport.InvalidInputs;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.newsletter.ItemContentRules;
import jp.kodoku.platform.newsletter.api.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * An item proposed by a member organization: proposed, then accepted into an issue (as written or edited, both texts
 * kept), deferred or rejected with a reason; accepted and rejected are final.
 */
class ItemProposalTest {

    static final ItemProposalId PROPOSAL = new ItemProposalId("3f2e1d0c-9b8a-4765-8432-10fedcba9876");
    static final OrganizationId SAKURA = new OrganizationId("0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d");
    static final IssueId ISSUE = new IssueId("9b1c2d3e-4f50-4a61-8b72-c3d4e5f60718");
    static final ItemId ITEM = new ItemId(PROPOSAL.value());
    static final Instant NOW = Instant.parse("2026-05-11T01:00:00Z");
    static final ItemContent REPORT = new ItemContent("こども食堂の新しい拠点が開所しました",
            "さくらでは、4月から**毎週土曜日**に開所します。", "https://sakura.example.jp/news", false);
    static final ItemContent EDITED = new ItemContent("さくら こども食堂 新拠点のお知らせ",
            "NPO法人さくらは、4月から毎週土曜日に新しい拠点を開所しています。", "https://sakura.example.jp/news", false);

    /** What the issue side was asked to add; refuses when told to, as an issue that is no longer a draft does. */
    static final class RecordedIssueItems implements IssueItems {
        final List<ItemId> added = new ArrayList<>();
        final List<ItemContent> contents = new ArrayList<>();
        final List<String> sections = new ArrayList<>();
        RuntimeException refusal;

        @Override
        public void add(IssueId issueId, ItemId itemId, String sectionKey, ItemContent content) {
            if (refusal != null) {
                throw refusal;
            }
            added.add(itemId);
            sections.add(sectionKey);
            contents.add(content);
        }
    }

    private final RecordedIssueItems issueItems = new RecordedIssueItems();
    private final FixtureConfiguration<ItemProposal> fixture = new AggregateTestFixture<>(ItemProposal.class);

    ItemProposalTest() {
        fixture.registerAnnotatedCommandHandler(new ItemProposalCommandHandler(fixture.getRepository(), issueItems,
                Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    static ItemProposed proposed() {
        return new ItemProposed(PROPOSAL, SAKURA, ProposalKind.ACTIVITY_REPORT, REPORT, NOW.minusSeconds(86_400));
    }

    // ---- proposing ----------------------------------------------------------------------------------------------

    @Test
    void a_member_admin_proposes_an_item_for_its_organization() {
        fixture.givenNoPriorActivity()
               .when(new ProposeItem(PROPOSAL, SAKURA, ProposalKind.ACTIVITY_REPORT, new ItemContent(
                       "  " + REPORT.title() + " ", REPORT.body(), REPORT.link(), false)))
               .expectEvents(new ItemProposed(PROPOSAL, SAKURA, ProposalKind.ACTIVITY_REPORT, REPORT, NOW))
               .expectResultMessagePayload(0L);
    }

    @Test
    void a_proposal_names_its_kind() {
        fixture.givenNoPriorActivity()
               .when(new ProposeItem(PROPOSAL, SAKURA, null, REPORT))
               .expectException(InvalidInputs.naming("kind"))
               .expectNoEvents();
    }

    @Test
    void a_proposal_follows_the_rules_of_an_item_naming_every_bad_field() {
        fixture.givenNoPriorActivity()
               .when(new ProposeItem(PROPOSAL, SAKURA, ProposalKind.SUPPORT_INFORMATION, new ItemContent(
                       "孤".repeat(ItemContentRules.TITLE_MAX + 1), " ", "javascript:alert(1)", false)))
               .expectException(allOf(InvalidInputs.naming("content.title"), InvalidInputs.naming("content.body"),
                       InvalidInputs.naming("content.link")))
               .expectNoEvents();
    }

    // ---- accepting ----------------------------------------------------------------------------------------------

    @Test
    void an_accepted_proposal_goes_into_the_issue_under_the_section_of_its_kind_as_written() {
        fixture.given(proposed())
               .when(new AcceptProposal(PROPOSAL, 0L, ISSUE, null))
               .expectEvents(new ProposalAccepted(PROPOSAL, ISSUE, ITEM, "member-activities", REPORT, false, NOW))
               .expectResultMessagePayload(1L);
        assertThat(issueItems.added).containsExactly(ITEM);
        assertThat(issueItems.sections).containsExactly("member-activities");
        assertThat(issueItems.contents).containsExactly(REPORT);
    }

    @Test
    void an_edited_acceptance_keeps_the_proposed_text_and_marks_the_edit() {
        fixture.given(proposed())
               .when(new AcceptProposal(PROPOSAL, 0L, ISSUE, EDITED))
               .expectEvents(new ProposalAccepted(PROPOSAL, ISSUE, ITEM, "member-activities", EDITED, true, NOW));
        assertThat(issueItems.contents).containsExactly(EDITED);
    }

    @Test
    void an_edit_follows_the_rules_of_an_item() {
        fixture.given(proposed())
               .when(new AcceptProposal(PROPOSAL, 0L, ISSUE, new ItemContent(" ", "本文", null, false)))
               .expectException(InvalidInputs.naming("content.title"))
               .expectNoEvents();
        assertThat(issueItems.added).isEmpty();
    }

    @Test
    void a_proposal_the_issue_refuses_stays_open() {
        issueItems.refusal = new NewsletterRuleViolation("a scheduled issue is not changed; return it to draft first");
        fixture.given(proposed())
               .when(new AcceptProposal(PROPOSAL, 0L, ISSUE, null))
               .expectException(NewsletterRuleViolation.class)
               .expectNoEvents();
    }

    @Test
    void a_deferred_proposal_can_be_accepted_later() {
        fixture.given(proposed(), new ProposalDeferred(PROPOSAL, "6月の号で紹介します", NOW))
               .when(new AcceptProposal(PROPOSAL, 1L, ISSUE, null))
               .expectEvents(new ProposalAccepted(PROPOSAL, ISSUE, ITEM, "member-activities", REPORT, false, NOW));
    }

    @Test
    void an_accepted_proposal_is_not_accepted_twice() {
        fixture.given(proposed(), new ProposalAccepted(PROPOSAL, ISSUE, ITEM, "member-activities", REPORT, false, NOW))
               .when(new AcceptProposal(PROPOSAL, null, ISSUE, null))
               .expectException(NewsletterRuleViolation.class)
               .expectExceptionMessage(containsString("ACCEPTED already"))
               .expectNoEvents();
        assertThat(issueItems.added).isEmpty();
    }

    @Test
    void acceptance_names_the_issue() {
        fixture.given(proposed())
               .when(new AcceptProposal(PROPOSAL, 0L, null, null))
               .expectException(InvalidInputs.naming("issueId"))
               .expectNoEvents();
    }

    // ---- deferring and rejecting ----------------------------------------------------------------------------------

    @Test
    void a_deferral_says_why() {
        fixture.given(proposed())
               .when(new DeferProposal(PROPOSAL, 0L, "  次号の支援情報の特集でまとめて紹介します "))
               .expectEvents(new ProposalDeferred(PROPOSAL, "次号の支援情報の特集でまとめて紹介します", NOW));
    }

    @Test
    void a_deferral_without_a_reason_is_refused() {
        fixture.given(proposed())
               .when(new DeferProposal(PROPOSAL, 0L, " "))
               .expectException(InvalidInputs.naming("reason"))
               .expectNoEvents();
    }

    @Test
    void a_rejection_says_why() {
        fixture.given(proposed())
               .when(new RejectProposal(PROPOSAL, 0L, "営利目的の催しのため掲載できません"))
               .expectEvents(new ProposalRejected(PROPOSAL, "営利目的の催しのため掲載できません", NOW));
    }

    @Test
    void a_reason_has_at_most_1000_characters() {
        fixture.given(proposed())
               .when(new RejectProposal(PROPOSAL, 0L, "理".repeat(ItemProposalCommandHandler.REASON_MAX + 1)))
               .expectException(InvalidInputs.naming("reason"))
               .expectNoEvents();
    }

    @Test
    void a_rejected_proposal_is_final() {
        fixture.given(proposed(), new ProposalRejected(PROPOSAL, "対象外です", NOW))
               .when(new AcceptProposal(PROPOSAL, null, ISSUE, null))
               .expectException(NewsletterRuleViolation.class)
               .expectExceptionMessage(containsString("REJECTED already"))
               .expectNoEvents();
    }

    @Test
    void a_decided_proposal_is_not_deferred() {
        fixture.given(proposed(), new ProposalAccepted(PROPOSAL, ISSUE, ITEM, "member-activities", REPORT, false, NOW))
               .when(new DeferProposal(PROPOSAL, null, "やはり次号で"))
               .expectException(NewsletterRuleViolation.class)
               .expectExceptionMessage(containsString("ACCEPTED already"))
               .expectNoEvents();
    }

    // ---- matchers -----------------------------------------------------------------------------------------------

    @SafeVarargs
    private static Matcher<Throwable> allOf(Matcher<Throwable>... all) {
        return org.hamcrest.Matchers.allOf(all);
    }
}
