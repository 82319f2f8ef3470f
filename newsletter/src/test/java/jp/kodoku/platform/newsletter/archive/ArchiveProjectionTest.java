package jp.kodoku.platform.newsletter.archive;

import jp.kodoku.platform.infra.readmodel.ReadModelBatches;
import jp.kodoku.platform.newsletter.EmbeddedMongo;
import jp.kodoku.platform.newsletter.api.*;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public archive: an issue is public once sent if its segment reached the public subscribers; members-only items
 * and the sections they empty are left out; fiscal years run April–March in Japan time; events seen twice change
 * nothing. The issue's text comes from {@link FindIssue}, answered here by the issue as its read model would give it.
 */
class ArchiveProjectionTest {

    static final IssueId PUBLIC_ISSUE = new IssueId("9b1c2d3e-4f50-4a61-8b72-c3d4e5f60718");
    /** Monday 2023-03-27 09:00 in Japan: still fiscal 2022. */
    static final Instant MARCH_27 = Instant.parse("2023-03-27T00:00:00Z");
    static final Segment MEMBERS = new Segment(Audience.MEMBERS, Set.of(), Set.of("13"), Set.of(), Set.of());

    private static EmbeddedMongo mongoServer;
    private ArchiveProjection projection;

    @BeforeAll
    static void startServer() {
        mongoServer = new EmbeddedMongo();
    }

    @AfterAll
    static void stopServer() {
        mongoServer.close();
    }

    /** The issue as the issues' read model answers it: a public item, a members-only one alone in its section. */
    static final class Issues {
        @org.axonframework.queryhandling.QueryHandler
        IssueDetails handle(FindIssue query) {
            return new IssueDetails(query.issueId(), 1, "メールマガジン 3月27日号", MARCH_27, IssueStatus.SENT, null, MARCH_27,
                    10, 0, Segment.EVERYONE, List.of(
                    new IssueDetails.SectionDetails("notices", "お知らせ", List.of(new IssueDetails.ItemDetails(
                            new ItemId("members"), "幹事会の議事要旨", "会員限定です。", "<p>会員限定です。</p>\n",
                            "会員限定です。", null, true))),
                    new IssueDetails.SectionDetails("support", "支援情報", List.of(new IssueDetails.ItemDetails(
                            new ItemId("grant"), "助成の募集", "締切は6月30日です。", "<p>締切は6月30日です。</p>\n",
                            "締切は6月30日です。", "https://grant.example.jp", false)))), 9);
        }
    }

    @BeforeEach
    void empty() {
        MongoTemplate mongo = mongoServer.template("newsletter_archive_test");
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(new Issues()).subscribe(bus);
        projection = new ArchiveProjection(mongo, DefaultQueryGateway.builder().queryBus(bus).build(),
                new ReadModelBatches(mongo, () -> { }));
        projection.dropAll();
    }

    void sent(IssueId issue, int number) {
        sent(issue, Segment.EVERYONE, number);
    }

    void sent(IssueId issue, Segment segment, int number) {
        projection.on(new IssueDrafted(issue, "メールマガジン 3月27日号", MARCH_27, Section.DEFAULTS), 0);
        projection.on(new IssueSegmentChosen(issue, segment), 3);
        projection.on(new IssueSendingStarted(issue, number, MARCH_27), 5);
        projection.on(new IssueSent(issue, MARCH_27.plusSeconds(300), 10, 0), 6);
    }

    @Test
    void an_issue_sent_to_everyone_is_public_in_the_fiscal_year_of_its_sending() {
        sent(PUBLIC_ISSUE, 1);

        assertThat(projection.handle(new ListArchivedIssues(2022, 50)))
                .extracting(ArchivedIssueSummary::number).containsExactly(1);
        assertThat(projection.handle(new ListArchivedIssues(2023, 50))).isEmpty();
        assertThat(projection.handle(new ListArchiveFiscalYears())).containsExactly(2022);
    }

    @Test
    void a_scheduled_issue_is_not_public_before_it_is_sent() {
        projection.on(new IssueDrafted(PUBLIC_ISSUE, "メールマガジン 3月27日号", MARCH_27, Section.DEFAULTS), 0);
        projection.on(new IssueSendingStarted(PUBLIC_ISSUE, 1, MARCH_27), 5);

        assertThat(projection.handle(new FindArchivedIssue(1))).isEmpty();
    }

    @Test
    void the_public_issue_leaves_out_members_only_items_and_the_sections_they_empty() {
        sent(PUBLIC_ISSUE, 1);

        ArchivedIssue issue = projection.handle(new FindArchivedIssue(1)).orElseThrow();

        assertThat(issue.sections()).extracting(ArchivedIssue.ArchivedSection::title).containsExactly("支援情報");
        assertThat(issue.sections().get(0).items()).extracting(ArchivedIssue.ArchivedItem::title).containsExactly("助成の募集");
        assertThat(issue.fiscalYear()).isEqualTo(2022);
    }

    @Test
    void events_seen_twice_change_nothing() {
        sent(PUBLIC_ISSUE, 1);
        projection.on(new IssueSendingStarted(PUBLIC_ISSUE, 7, MARCH_27), 5);
        projection.on(new IssueRevised(PUBLIC_ISSUE, "別の件名", MARCH_27), 1);

        ArchivedIssueSummary listed = projection.handle(new ListArchivedIssues(null, 50)).get(0);
        assertThat(listed.number()).isEqualTo(1);
        assertThat(listed.subject()).isEqualTo("メールマガジン 3月27日号");
    }

    @Test
    void an_issue_sent_to_the_public_subscribers_only_is_public_too() {
        sent(PUBLIC_ISSUE, new Segment(Audience.PUBLIC, Set.of(), Set.of(), Set.of(), Set.of()), 1);

        assertThat(projection.handle(new FindArchivedIssue(1))).isPresent();
    }

    @Test
    void an_issue_sent_to_members_only_is_not_public() {
        sent(PUBLIC_ISSUE, MEMBERS, 2);

        assertThat(projection.handle(new ListArchivedIssues(null, 50))).isEmpty();
        assertThat(projection.handle(new FindArchivedIssue(2))).isEmpty();
    }

    @Test
    void the_segment_chosen_last_before_sending_decides() {
        projection.on(new IssueDrafted(PUBLIC_ISSUE, "メールマガジン 3月27日号", MARCH_27, Section.DEFAULTS), 0);
        projection.on(new IssueSegmentChosen(PUBLIC_ISSUE, Segment.EVERYONE), 3);
        projection.on(new IssueSegmentChosen(PUBLIC_ISSUE, MEMBERS), 6);
        projection.on(new IssueSendingStarted(PUBLIC_ISSUE, 1, MARCH_27), 8);
        projection.on(new IssueSent(PUBLIC_ISSUE, MARCH_27, 10, 0), 9);

        assertThat(projection.handle(new FindArchivedIssue(1))).isEmpty();
    }
}
