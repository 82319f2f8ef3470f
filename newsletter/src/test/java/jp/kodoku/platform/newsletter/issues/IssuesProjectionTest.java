package jp.kodoku.platform.newsletter.issues;

import jp.kodoku.platform.infra.readmodel.ReadModelBatches;
import jp.kodoku.platform.newsletter.EmbeddedMongo;
import jp.kodoku.platform.newsletter.api.*;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Issues as read: sections and items in order, bodies rendered by the safe subset, state and number, idempotent. */
class IssuesProjectionTest {

    static final IssueId ISSUE = new IssueId("9b1c2d3e-4f50-4a61-8b72-c3d4e5f60718");
    static final IssueId LATER = new IssueId("9b1c2d3e-4f50-4a61-8b72-c3d4e5f60719");
    static final Instant MAY_18 = Instant.parse("2026-05-18T00:00:00Z");
    static final ItemId SAKURA = new ItemId("item-sakura");
    static final ItemId GRANT = new ItemId("item-grant");

    private static EmbeddedMongo mongoServer;
    private IssuesProjection projection;

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
        MongoTemplate mongo = mongoServer.template("newsletter_issues_test");
        projection = new IssuesProjection(mongo, new ReadModelBatches(mongo, () -> { }));
        projection.dropAll();
    }

    void draftWithTwoItems() {
        projection.on(new IssueDrafted(ISSUE, "メールマガジン 5月18日号", MAY_18, Section.DEFAULTS), 0);
        projection.on(new IssueItemAdded(ISSUE, SAKURA, "member-activities", new ItemContent("こども食堂が開所",
                "**毎週土曜日**に開所します。<script>alert(1)</script>", null, false)), 1);
        projection.on(new IssueItemAdded(ISSUE, GRANT, "support", new ItemContent("助成の募集", "締切は6月30日です。",
                "https://grant.example.jp", true)), 2);
    }

    @Test
    void an_issue_reads_with_its_sections_in_order_and_bodies_rendered_safely() {
        draftWithTwoItems();

        IssueDetails issue = projection.handle(new FindIssue(ISSUE));

        assertThat(issue.sections()).extracting(IssueDetails.SectionDetails::title)
                                    .containsExactly("お知らせ", "会員の活動紹介", "支援情報", "イベント案内", "事務局訪問記");
        IssueDetails.ItemDetails sakura = issue.sections().get(1).items().get(0);
        assertThat(sakura.bodyHtml()).isEqualTo("<p><strong>毎週土曜日</strong>に開所します。&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
        assertThat(sakura.bodyText()).isEqualTo("毎週土曜日に開所します。<script>alert(1)</script>");
        assertThat(issue.status()).isEqualTo(IssueStatus.DRAFT);
        assertThat(issue.number()).isNull();
        assertThat(issue.version()).isEqualTo(2);
    }

    @Test
    void a_moved_item_stands_where_it_was_put() {
        draftWithTwoItems();
        projection.on(new IssueItemMoved(ISSUE, SAKURA, "support", 0), 3);

        IssueDetails issue = projection.handle(new FindIssue(ISSUE));

        assertThat(issue.sections().get(1).items()).isEmpty();
        assertThat(issue.sections().get(2).items()).extracting(IssueDetails.ItemDetails::itemId).containsExactly(SAKURA, GRANT);
    }

    @Test
    void a_sent_issue_shows_its_number_and_counts() {
        draftWithTwoItems();
        projection.on(new IssueScheduled(ISSUE, MAY_18), 3);
        projection.on(new IssueSendingStarted(ISSUE, 7, MAY_18), 4);
        projection.on(new IssueSent(ISSUE, MAY_18.plusSeconds(300), 1998, 2), 5);

        IssueDetails issue = projection.handle(new FindIssue(ISSUE));

        assertThat(List.of(issue.status(), issue.number(), issue.delivered(), issue.failed()))
                .containsExactly(IssueStatus.SENT, 7, 1998, 2);
    }

    @Test
    void issues_are_listed_by_state_newest_first() {
        draftWithTwoItems();
        projection.on(new IssueDrafted(LATER, "メールマガジン 5月25日号", MAY_18.plusSeconds(7 * 86_400), Section.DEFAULTS), 0);
        projection.on(new IssueCancelled(LATER, "臨時号に統合"), 1);

        assertThat(projection.handle(new ListIssues(Set.of()))).extracting(IssueSummary::issueId).containsExactly(LATER, ISSUE);
        assertThat(projection.handle(new ListIssues(Set.of(IssueStatus.DRAFT)))).extracting(IssueSummary::items)
                                                                               .containsExactly(2);
    }

    @Test
    void an_event_handled_twice_is_applied_once() {
        draftWithTwoItems();
        projection.on(new IssueItemAdded(ISSUE, GRANT, "support", new ItemContent("助成の募集", "締切は6月30日です。",
                "https://grant.example.jp", true)), 2);

        assertThat(projection.handle(new FindIssue(ISSUE)).sections().get(2).items()).hasSize(1);
    }
}
