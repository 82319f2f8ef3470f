package jp.kodoku.platform.newsletter.proposals;

import jp.kodoku.platform.infra.readmodel.ReadModelBatches;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.newsletter.EmbeddedMongo;
import jp.kodoku.platform.newsletter.api.*;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Proposals as read: the proposer's list and the secretariat's queue, both texts once accepted, idempotent. */
class ProposalsProjectionTest {

    static final ItemProposalId SAKURA_REPORT = new ItemProposalId("3f2e1d0c-9b8a-4765-8432-10fedcba9876");
    static final ItemProposalId HIKARI_GRANT = new ItemProposalId("3f2e1d0c-9b8a-4765-8432-10fedcba9877");
    static final OrganizationId SAKURA = new OrganizationId("org-sakura");
    static final OrganizationId HIKARI = new OrganizationId("org-hikari");
    static final IssueId ISSUE = new IssueId("9b1c2d3e-4f50-4a61-8b72-c3d4e5f60718");
    static final Instant MAY_1 = Instant.parse("2026-05-01T00:00:00Z");
    static final ItemContent REPORT = new ItemContent("こども食堂の新しい拠点が開所しました", "毎週土曜日に開所します。", null, false);
    static final ItemContent EDITED = new ItemContent("さくら こども食堂 新拠点のお知らせ", "毎週土曜日に開所しています。", null, false);

    private static EmbeddedMongo mongoServer;
    private ProposalsProjection projection;

    @BeforeAll
    static void startServer() {
        mongoServer = new EmbeddedMongo();
    }

    @AfterAll
    static void stopServer() {
        mongoServer.close();
    }

    @BeforeEach
    void empty() {
        MongoTemplate mongo = mongoServer.template("newsletter_proposals_test");
        projection = new ProposalsProjection(mongo, new ReadModelBatches(mongo, () -> { }));
        projection.dropAll();
        projection.on(new ItemProposed(SAKURA_REPORT, SAKURA, ProposalKind.ACTIVITY_REPORT, REPORT, MAY_1), 0);
        projection.on(new ItemProposed(HIKARI_GRANT, HIKARI, ProposalKind.SUPPORT_INFORMATION,
                new ItemContent("相談窓口の開設", "平日10時から相談を受け付けます。", null, false), MAY_1.plusSeconds(60)), 0);
    }

    @Test
    void an_accepted_proposal_shows_both_texts_and_the_issue_it_went_into() {
        projection.on(new ProposalAccepted(SAKURA_REPORT, ISSUE, new ItemId(SAKURA_REPORT.value()), "member-activities",
                EDITED, true, MAY_1.plusSeconds(3600)), 1);

        ProposalDetails read = projection.handle(new FindProposal(SAKURA_REPORT)).orElseThrow();

        assertThat(read.status()).isEqualTo(ProposalStatus.ACCEPTED);
        assertThat(read.proposed()).isEqualTo(REPORT);
        assertThat(read.accepted()).isEqualTo(EDITED);
        assertThat(read.edited()).isTrue();
        assertThat(read.issueId()).isEqualTo(ISSUE);
        assertThat(read.version()).isEqualTo(1);
    }

    @Test
    void the_proposer_sees_the_reason_of_a_deferral() {
        projection.on(new ProposalDeferred(SAKURA_REPORT, "6月の号で紹介します", MAY_1.plusSeconds(3600)), 1);

        ProposalDetails read = projection.handle(new FindProposal(SAKURA_REPORT)).orElseThrow();

        assertThat(read.status()).isEqualTo(ProposalStatus.DEFERRED);
        assertThat(read.reason()).isEqualTo("6月の号で紹介します");
    }

    @Test
    void a_proposer_lists_only_its_own_organizations_proposals() {
        assertThat(projection.handle(new ListProposals(SAKURA, Set.of())))
                .extracting(ProposalDetails::proposalId).containsExactly(SAKURA_REPORT);
    }

    @Test
    void the_queue_filters_by_state_newest_first() {
        projection.on(new ProposalRejected(HIKARI_GRANT, "対象外です", MAY_1.plusSeconds(3600)), 1);

        assertThat(projection.handle(new ListProposals(null, Set.of())))
                .extracting(ProposalDetails::proposalId).containsExactly(HIKARI_GRANT, SAKURA_REPORT);
        assertThat(projection.handle(new ListProposals(null, Set.of(ProposalStatus.PROPOSED, ProposalStatus.DEFERRED))))
                .extracting(ProposalDetails::proposalId).containsExactly(SAKURA_REPORT);
    }

    @Test
    void an_event_seen_twice_changes_nothing() {
        projection.on(new ProposalDeferred(SAKURA_REPORT, "6月の号で紹介します", MAY_1.plusSeconds(3600)), 1);
        projection.on(new ProposalRejected(SAKURA_REPORT, "対象外です", MAY_1.plusSeconds(7200)), 2);
        projection.on(new ProposalDeferred(SAKURA_REPORT, "6月の号で紹介します", MAY_1.plusSeconds(3600)), 1);

        ProposalDetails read = projection.handle(new FindProposal(SAKURA_REPORT)).orElseThrow();
        assertThat(read.status()).isEqualTo(ProposalStatus.REJECTED);
        assertThat(read.reason()).isEqualTo("対象外です");
    }
}
