package jp.kodoku.platform.gateway.newsletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Mailbox;
import jp.kodoku.platform.gateway.support.Newsletters;
import jp.kodoku.platform.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The secretariat's issues through the real HTTP API with real tokens, and the mails they become in GreenMail, parsed:
 * drafting and items, scheduling to a segment with its recipient count, a preview, a test send, sending at once, the
 * progress, and every mail's headers, parts, footer and working one-click unsubscribe.
 */
class IssuesApiTest extends ApiTest {

    private static final String SUBJECT = "官民連携プラットフォーム メールマガジン（テスト号）";

    @Autowired
    private GreenMail greenMail;

    @Test
    void an_issue_sent_at_once_reaches_each_public_subscriber_once_with_a_complete_mail_and_a_working_one_click()
            throws Exception {
        String yoko = "yoko-" + UUID.randomUUID() + "@example.jp";
        String taro = "taro-" + UUID.randomUUID() + "@example.jp";
        String yokoId = publicSubscriber(yoko);
        publicSubscriber(taro);
        awaitProjections();
        String issue = draft(SUBJECT);
        String version = addItem(issue, "notices", "居場所づくりの研修会を開催します",
                "**6月14日**に開催します。<script>alert('x')</script><img src=x onerror=alert(1)>", false);
        version = addItem(issue, version, "member-activities", "会員限定：総会資料の事前配布", "会員の方のみご覧ください。", true);

        Api.Response scheduled = secretariat(api.post("/api/v1/newsletter/issues/" + issue + "/scheduling"))
                .header("If-Match", version).body(Map.of("segment", Map.of("audience", "PUBLIC"))).send();
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(200);
        assertThat(scheduled.json().get("recipients").asLong()).as("the count shown before sending").isGreaterThanOrEqualTo(2);

        Api.Response started = secretariat(api.post("/api/v1/newsletter/issues/" + issue + "/sending"))
                .header("If-Match", scheduled.etag()).send();
        assertThat(started.status()).as(started.toString()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            Api.Response read = secretariat(api.get("/api/v1/newsletter/issues/" + issue)).send();
            assertThat(read.json().get("status").asText()).isEqualTo("SENT");
        });
        JsonNode progress = secretariat(api.get("/api/v1/newsletter/issues/" + issue + "/sending")).send().json();
        assertThat(progress.get("pending").asLong()).isZero();
        assertThat(progress.get("sent").asLong()).isEqualTo(progress.get("recipients").asLong());
        assertThat(mailsTo(yoko, issue)).hasSize(1);
        assertThat(mailsTo(taro, issue)).hasSize(1);

        MimeMessage mail = mailsTo(yoko, issue).get(0);
        assertThat(mail.getSubject()).isEqualTo(SUBJECT);
        assertThat(mail.getHeader("Subject")[0]).as("encoded as RFC 2047 words in UTF-8").startsWith("=?UTF-8?");
        assertThat(mail.getMessageID()).isEqualTo("<newsletter." + issue + "." + yokoId + "@localhost>");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        Matcher unsubscribe = Pattern.compile("^<(http://localhost:\\d+/api/v1/newsletter/unsubscribe/([^>]+))>, "
                + "<mailto:unsubscribe@localhost\\?subject=unsubscribe-([^>]+)>$").matcher(mail.getHeader("List-Unsubscribe")[0]);
        assertThat(unsubscribe.matches()).as(mail.getHeader("List-Unsubscribe")[0]).isTrue();
        String text = part(mail, "text/plain");
        String html = part(mail, "text/html");
        assertThat(text).contains("居場所づくりの研修会を開催します", "6月14日", "配信を停止するには",
                "/newsletter/unsubscribe/" + unsubscribe.group(2), "〒100-8914").doesNotContain("総会資料");
        assertThat(html).contains("<strong>6月14日</strong>", "/newsletter/unsubscribe/" + unsubscribe.group(2))
                        .doesNotContain("<script", "<img", "総会資料");

        Api.Response left = api.post(URI.create(unsubscribe.group(1)).getPath())
                               .bytes("List-Unsubscribe=One-Click".getBytes(StandardCharsets.US_ASCII),
                                       "application/x-www-form-urlencoded").send();
        assertThat(left.status()).as(left.toString()).isEqualTo(200);
        awaitProjections();
        JsonNode ledger = secretariat(api.get("/api/v1/newsletter/subscriptions/" + yokoId + "/consent-ledger")).send().json();
        assertThat(ledger.get("status").asText()).isEqualTo("UNSUBSCRIBED");
    }

    @Test
    void the_preview_shows_the_mail_as_a_public_subscriber_gets_it_and_a_test_send_reaches_only_the_named_addresses()
            throws Exception {
        String issue = draft("プレビュー確認号");
        String version = addItem(issue, "support", "助成金のご案内", "締切は*6月30日*です。", false);
        addItem(issue, version, "notices", "会員向けのお知らせ", "会員限定の内容です。", true);
        awaitProjections();

        JsonNode preview = secretariat(api.get("/api/v1/newsletter/issues/" + issue + "/preview?audience=PUBLIC"))
                .send().json();
        assertThat(preview.get("subject").asText()).isEqualTo("プレビュー確認号");
        assertThat(preview.get("html").asText()).contains("<em>6月30日</em>").doesNotContain("会員向けのお知らせ");
        assertThat(preview.get("text").asText()).contains("助成金のご案内", "配信を停止するには");
        assertThat(preview.get("listUnsubscribe").asText()).contains("/api/v1/newsletter/unsubscribe/preview");
        assertThat(preview.get("listUnsubscribePost").asText()).isEqualTo("List-Unsubscribe=One-Click");

        String checker = "checker-" + UUID.randomUUID() + "@example.jp";
        Api.Response tested = secretariat(api.post("/api/v1/newsletter/issues/" + issue + "/test-sending"))
                .body(Map.of("addresses", List.of(checker))).send();
        assertThat(tested.status()).as(tested.toString()).isEqualTo(202);
        assertThat(tested.json().get("mails").asInt()).isEqualTo(1);
        String marked = Mailbox.awaitMatch(greenMail, checker, Pattern.compile("これはテスト送信です"));
        assertThat(marked).isNotNull();
        Api.Response read = secretariat(api.get("/api/v1/newsletter/issues/" + issue)).send();
        assertThat(read.json().get("status").asText()).as("a test changes nothing").isEqualTo("DRAFT");
    }

    @Test
    void a_write_with_a_stale_version_is_refused_and_changes_nothing() {
        String issue = draft("版の確認号");
        Api.Response stale = secretariat(api.put("/api/v1/newsletter/issues/" + issue)).header("If-Match", "\"7\"")
                .body(Map.of("subject", "変更後の件名", "plannedSendAt", Instant.now().plus(Duration.ofDays(3)).toString()))
                .send();
        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
        awaitProjections();
        assertThat(secretariat(api.get("/api/v1/newsletter/issues/" + issue)).send().json().get("subject").asText())
                .isEqualTo("版の確認号");
    }

    @Test
    void an_issue_returned_to_draft_is_edited_and_a_cancelled_one_never_goes_out() {
        String issue = draft("差し替え号");
        String version = addItem(issue, "notices", "お知らせ", "本文", false);
        Api.Response scheduled = secretariat(api.post("/api/v1/newsletter/issues/" + issue + "/scheduling"))
                .header("If-Match", version).body(Map.of("segment", Map.of("audience", "MEMBERS",
                        "prefectureCodes", List.of("13")))).send();
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(200);
        Api.Response back = secretariat(api.post("/api/v1/newsletter/issues/" + issue + "/return-to-draft"))
                .header("If-Match", scheduled.etag()).send();
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        Api.Response cancelled = secretariat(api.post("/api/v1/newsletter/issues/" + issue + "/cancellation"))
                .header("If-Match", back.etag()).body(Map.of("reason", "内容を次号に統合するため")).send();
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

        Api.Response refused = secretariat(api.post("/api/v1/newsletter/issues/" + issue + "/sending")).send();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        awaitProjections();
        JsonNode read = secretariat(api.get("/api/v1/newsletter/issues/" + issue)).send().json();
        assertThat(read.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(read.get("segment").get("prefectureCodes").get(0).asText()).isEqualTo("13");
    }

    @Test
    void the_recipient_count_of_a_segment_is_shown_before_scheduling() {
        Api.Response count = secretariat(api.get("/api/v1/newsletter/recipient-count?audience=MEMBERS&prefecture=47"))
                .send();
        assertThat(count.status()).as(count.toString()).isEqualTo(200);
        assertThat(count.json().get("recipients").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(count.json().get("segment").get("audience").asText()).isEqualTo("MEMBERS");

        Api.Response bad = secretariat(api.get("/api/v1/newsletter/recipient-count?audience=PUBLIC&prefecture=13")).send();
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.text()).contains("segment.audience");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static Api.Call secretariat(Api.Call call) {
        return call.token(TestTokens.secretariat());
    }

    private String draft(String subject) {
        Api.Response created = secretariat(api.post("/api/v1/newsletter/issues"))
                .body(Map.of("subject", subject, "plannedSendAt", Instant.now().plus(Duration.ofDays(7)).toString()))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("issueId").asText();
    }

    /** Adds an item to the issue at version 0 (just drafted) or the version given; the new version's ETag. */
    private String addItem(String issue, String section, String title, String body, boolean membersOnly) {
        return addItem(issue, "\"0\"", section, title, body, membersOnly);
    }

    private String addItem(String issue, String version, String section, String title, String body, boolean membersOnly) {
        Api.Response added = secretariat(api.post("/api/v1/newsletter/issues/" + issue + "/items"))
                .header("If-Match", version)
                .body(Map.of("sectionKey", section, "content", Map.of("title", title, "body", body,
                        "link", "https://example.jp/news", "membersOnly", membersOnly))).send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.etag();
    }

    /** A public subscriber through the double opt-in; the subscription's id. */
    private String publicSubscriber(String address) {
        return Newsletters.confirmedSubscriber(api, greenMail, address);
    }

    private List<MimeMessage> mailsTo(String address, String issue) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            String id = message.getMessageID();
            if (message.getAllRecipients()[0].toString().equals(address) && id != null && id.contains(issue)) {
                found.add(message);
            }
        }
        return found;
    }

    /** The decoded text of the mail's part of this type (the mail is multipart: text and HTML alternatives). */
    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            assertThat(part.getContentType()).containsIgnoringCase("charset=UTF-8");
            return Mailbox.text(part);
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
