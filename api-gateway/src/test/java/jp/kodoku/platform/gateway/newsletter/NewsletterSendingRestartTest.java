package jp.kodoku.platform.gateway.newsletter;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import jakarta.mail.internet.MimeMessage;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ImportFiles;
import jp.kodoku.platform.gateway.support.PlatformNode;
import jp.kodoku.platform.gateway.support.TestTokens;
import jp.kodoku.platform.infra.testsupport.LocalPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform is killed (SIGKILL) in the middle of sending an issue to 2,000 recipients and started again on the same
 * database (ADR 0043): every recipient gets the issue, none is skipped, and a recipient gets it twice only when their
 * mail was in flight at the kill (at most one per outbox worker), recognizably the same message (its Message-ID).
 * The mail server is the test's own GreenMail, which outlives the platform.
 */
class NewsletterSendingRestartTest {

    private static final int RECIPIENTS = 2_000;
    private static final int WORKERS = 4;
    private static final String SUBJECT = "官民連携プラットフォーム メールマガジン（再起動試験号）";

    private final List<Process> processes = new ArrayList<>();
    private MongoServer mongo;
    private GreenMail smtp;

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
        if (smtp != null) {
            smtp.stop();
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
    }

    @Test
    void every_recipient_gets_the_issue_after_a_kill_9_in_the_middle_of_sending_and_twice_only_what_was_in_flight()
            throws Exception {
        String database = LocalPostgres.instance().createDatabase("newsletter_restart");
        mongo = new MongoServer(H2Backend.inMemory());
        mongo.bind("127.0.0.1", 0);
        smtp = new GreenMail(new ServerSetup(PlatformNode.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Api api = new Api(start(database));
        String secretariat = TestTokens.secretariat();

        // 2,000 member organizations, each with its contact: the recipients of a fresh platform's "everyone"
        String[] rows = new String[RECIPIENTS];
        for (int i = 0; i < RECIPIENTS; i++) {
            rows[i] = ImportFiles.row("再起動試験の居場所" + i, "サイキドウシケンノイバショ");
        }
        Api.Response imported = api.post("/api/v1/organization-imports").token(secretariat)
                                   .bytes(ImportFiles.excelUtf8(rows), "text/csv").send();
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(
                api.get("/api/v1/newsletter/recipient-count?audience=ALL").token(secretariat).send().json()
                   .get("recipients").asLong()).isEqualTo(RECIPIENTS));

        Api.Response drafted = api.post("/api/v1/newsletter/issues").token(secretariat).body(Map.of("subject", SUBJECT,
                "plannedSendAt", Instant.now().plus(Duration.ofDays(1)).toString())).send();
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String issue = drafted.json().get("issueId").asText();
        Api.Response item = api.post("/api/v1/newsletter/issues/" + issue + "/items").token(secretariat)
                               .header("If-Match", drafted.etag()).body(Map.of("sectionKey", "notices", "content",
                        Map.of("title", "年次総会のご案内", "body", "**6月20日**に開催します。"))).send();
        assertThat(item.status()).as(item.toString()).isEqualTo(201);
        Api.Response scheduled = api.post("/api/v1/newsletter/issues/" + issue + "/scheduling").token(secretariat)
                                    .header("If-Match", item.etag())
                                    .body(Map.of("segment", Map.of("audience", "ALL"))).send();
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(200);
        Api.Response started = api.post("/api/v1/newsletter/issues/" + issue + "/sending").token(secretariat)
                                  .header("If-Match", scheduled.etag()).send();
        assertThat(started.status()).as(started.toString()).isEqualTo(202);

        await().atMost(Duration.ofMinutes(3)).until(() -> smtp.getReceivedMessages().length >= 300);
        Process first = processes.get(0);
        first.destroyForcibly(); // SIGKILL: mails being sent are cut off, their rows' locks go with the connection
        first.waitFor();
        int beforeRestart = smtp.getReceivedMessages().length;
        assertThat(beforeRestart).as("the kill came in the middle of the sending").isLessThan(RECIPIENTS);

        Api restarted = new Api(start(database));

        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(restarted.get("/api/v1/newsletter/issues/" + issue).token(secretariat).send().json()
                                    .get("status").asText()).isEqualTo("SENT"));
        Map<String, Integer> timesByRecipient = new HashMap<>();
        Map<String, Set<String>> messageIdsByRecipient = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            String to = message.getAllRecipients()[0].toString();
            timesByRecipient.merge(to, 1, Integer::sum);
            messageIdsByRecipient.computeIfAbsent(to, k -> new HashSet<>()).add(message.getMessageID());
            assertThat(message.getSubject()).isEqualTo(SUBJECT);
        }
        assertThat(timesByRecipient).as("every recipient, none skipped").hasSize(RECIPIENTS);
        assertThat(timesByRecipient.values()).allSatisfy(times -> assertThat(times).isBetween(1, 2));
        assertThat(timesByRecipient.values().stream().filter(times -> times == 2).count())
                .as("repeated mails: only those in flight at the kill").isLessThanOrEqualTo(WORKERS);
        assertThat(messageIdsByRecipient.values()).as("a repeated mail is the same message")
                                                  .allSatisfy(ids -> assertThat(ids).hasSize(1));
        var progress = restarted.get("/api/v1/newsletter/issues/" + issue + "/sending").token(secretariat).send().json();
        assertThat(progress.get("sent").asLong()).isEqualTo(RECIPIENTS);
        assertThat(progress.get("pending").asLong()).isZero();
    }

    private int start(String database) throws Exception {
        int port = PlatformNode.freePort();
        Path log = Files.createTempFile("newsletter-restart-", ".log");
        processes.add(PlatformNode.startProcess("newsletter-restart", database, port, log, PlatformNode.mongoUri(mongo),
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--platform.outbox.workers=" + WORKERS, "--platform.newsletter.sending.rate-per-second=40",
                "--platform.newsletter.sending.completion-check=PT1S"));
        return port;
    }
}
