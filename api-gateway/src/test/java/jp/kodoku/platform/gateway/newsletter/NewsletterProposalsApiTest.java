package jp.kodoku.platform.gateway.newsletter;

import com.fasterxml.jackson.databind.JsonNode;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Events;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.TestTokens;
import jp.kodoku.platform.newsletter.api.*;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Items proposed by members through the real HTTP API with real tokens: a member admin proposes for its organization
 * and follows the state; the secretariat accepts into a draft (edited, both texts kept), defers or rejects with a
 * reason; another organization's admin sees nothing of it; a published public event goes into イベント案内 in one step.
 */
class NewsletterProposalsApiTest extends ApiTest {

    @Autowired
    private CommandGateway commands;

    @Autowired
    private QueryGateway queries;

    private String organization;
    private String admin;

    @BeforeEach
    void aMember() {
        organization = new Members(api).activeMember(Samples.application());
        admin = TestTokens.memberAdmin(organization);
    }

    private IssueId draft() {
        IssueId issue = IssueId.random();
        commands.sendAndWait(new DraftIssue(issue, "メールマガジン 提案テスト号", Instant.now().plus(7, ChronoUnit.DAYS)));
        return issue;
    }

    private String propose(String kind, String title, String body) {
        Api.Response proposed = api.post("/api/v1/organizations/" + organization + "/newsletter-proposals").token(admin)
                                   .body(Map.of("kind", kind, "content", Map.of("title", title, "body", body,
                                           "link", "https://sakura.example.jp/news"))).send();
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        assertThat(proposed.json().get("status").asText()).isEqualTo("PROPOSED");
        return proposed.json().get("proposalId").asText();
    }

    private IssueDetails issue(IssueId id) {
        return queries.query(new FindIssue(id), ResponseTypes.instanceOf(IssueDetails.class)).join();
    }

    @Test
    void an_edited_acceptance_puts_the_edit_into_the_issue_and_shows_the_proposer_both_texts() {
        IssueId issue = draft();
        String proposal = propose("ACTIVITY_REPORT", "こども食堂の新しい拠点が開所しました", "4月から**毎週土曜日**に開所します。");
        awaitProjections();

        Api.Response accepted = api.post("/api/v1/newsletter/proposals/" + proposal + "/acceptance")
                                   .token(TestTokens.secretariat()).header("If-Match", "\"0\"")
                                   .body(Map.of("issueId", issue.value(), "content", Map.of(
                                           "title", "さくら こども食堂 新拠点のお知らせ",
                                           "body", "NPO法人さくらは4月から毎週土曜日に新しい拠点を開所しています。",
                                           "link", "https://sakura.example.jp/news"))).send();
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.etag()).isEqualTo("\"1\"");
        awaitProjections();

        JsonNode mine = api.get("/api/v1/organizations/" + organization + "/newsletter-proposals").token(admin).send().json();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(mine.get(0).get("edited").asBoolean()).isTrue();
        assertThat(mine.get(0).get("proposed").get("title").asText()).isEqualTo("こども食堂の新しい拠点が開所しました");
        assertThat(mine.get(0).get("accepted").get("title").asText()).isEqualTo("さくら こども食堂 新拠点のお知らせ");
        IssueDetails.SectionDetails activities = issue(issue).sections().get(1);
        assertThat(activities.key()).isEqualTo("member-activities");
        assertThat(activities.items()).extracting(IssueDetails.ItemDetails::title)
                                      .containsExactly("さくら こども食堂 新拠点のお知らせ");
    }

    @Test
    void the_proposer_reads_the_reason_of_a_deferral_and_of_a_rejection() {
        String proposal = propose("SUPPORT_INFORMATION", "相談窓口の開設", "平日10時から17時まで電話相談を受け付けます。");
        awaitProjections();

        Api.Response deferred = api.post("/api/v1/newsletter/proposals/" + proposal + "/deferral")
                                   .token(TestTokens.secretariat()).body(Map.of("reason", "6月の支援情報特集で紹介します")).send();
        assertThat(deferred.status()).as(deferred.toString()).isEqualTo(200);
        awaitProjections();
        Api.Response read = api.get("/api/v1/newsletter/proposals/" + proposal).token(admin).send();
        assertThat(read.json().get("status").asText()).isEqualTo("DEFERRED");
        assertThat(read.json().get("reason").asText()).isEqualTo("6月の支援情報特集で紹介します");
        assertThat(read.etag()).isEqualTo("\"1\"");

        Api.Response rejected = api.post("/api/v1/newsletter/proposals/" + proposal + "/rejection")
                                   .token(TestTokens.secretariat()).header("If-Match", read.etag())
                                   .body(Map.of("reason", "同じ内容を別の団体から掲載済みのため")).send();
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        awaitProjections();
        JsonNode decided = api.get("/api/v1/newsletter/proposals/" + proposal).token(admin).send().json();
        assertThat(decided.get("status").asText()).isEqualTo("REJECTED");
        assertThat(decided.get("reason").asText()).isEqualTo("同じ内容を別の団体から掲載済みのため");
    }

    @Test
    void another_organizations_admin_neither_reads_nor_lists_a_proposal() {
        String proposal = propose("EVENT", "居場所づくり交流会", "どなたでも参加できます。");
        awaitProjections();
        String stranger = TestTokens.memberAdmin(new Members(api).activeMember(Samples.application()));

        assertThat(api.get("/api/v1/newsletter/proposals/" + proposal).token(stranger).send().status()).isEqualTo(403);
        assertThat(api.get("/api/v1/organizations/" + organization + "/newsletter-proposals").token(stranger).send()
                      .status()).isEqualTo(403);
        assertThat(api.get("/api/v1/newsletter/proposals").token(stranger).send().status()).isEqualTo(403);
    }

    @Test
    void a_proposal_is_not_accepted_into_an_issue_that_is_no_longer_a_draft_and_stays_open() {
        IssueId issue = draft();
        commands.sendAndWait(new CancelIssue(issue, null, "臨時号と重複するため"));
        String proposal = propose("ACTIVITY_REPORT", "見守り活動の報告", "地域の見守り活動を報告します。");
        awaitProjections();
        long before = eventCount();

        Api.Response refused = api.post("/api/v1/newsletter/proposals/" + proposal + "/acceptance")
                                  .token(TestTokens.secretariat()).body(Map.of("issueId", issue.value())).send();

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(eventCount()).isEqualTo(before);
        assertThat(api.get("/api/v1/newsletter/proposals/" + proposal).token(admin).send().json().get("status").asText())
                .isEqualTo("PROPOSED");
    }

    @Test
    void a_bad_proposal_names_every_bad_field_and_stores_nothing() {
        long before = eventCount();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", " ");
        content.put("body", "本文".repeat(6000));
        content.put("link", "javascript:alert(1)");

        Api.Response refused = api.post("/api/v1/organizations/" + organization + "/newsletter-proposals").token(admin)
                                  .body(Map.of("kind", "ACTIVITY_REPORT", "content", content)).send();

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.text()).contains("content.title", "content.body", "content.link");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void a_published_public_event_goes_into_the_events_section_in_one_step_and_a_members_only_one_does_not() {
        Events events = new Events(api);
        String workshop = events.published(Events.workshop(30));
        String assembly = events.published(Events.with(Events.workshop(30), "kind", "GENERAL_ASSEMBLY",
                "title", "令和8年度 定時総会", "visibility", "MEMBERS_ONLY"));
        IssueId issue = draft();
        awaitProjections();

        Api.Response added = api.post("/api/v1/newsletter/issues/" + issue.value() + "/event-items")
                                .token(TestTokens.secretariat()).body(Map.of("eventId", workshop)).send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        Api.Response refused = api.post("/api/v1/newsletter/issues/" + issue.value() + "/event-items")
                                  .token(TestTokens.secretariat()).body(Map.of("eventId", assembly)).send();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.text()).contains("eventId");
        awaitProjections();

        IssueDetails.SectionDetails eventsSection = issue(issue).sections().get(3);
        assertThat(eventsSection.key()).isEqualTo("events");
        assertThat(eventsSection.items()).hasSize(1);
        IssueDetails.ItemDetails item = eventsSection.items().get(0);
        assertThat(item.title()).isEqualTo("孤独・孤立に関する現場課題ワークショップ「居場所の多様性」");
        assertThat(item.body()).contains("日時: ", "会場: 中央合同庁舎8号館 講堂");
        assertThat(item.link()).endsWith("/events/" + workshop);
    }
}
