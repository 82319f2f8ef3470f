package jp.kodoku.platform.gateway.nodes;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.PlatformNode;
import jp.kodoku.platform.infra.mail.Mail;
import jp.kodoku.platform.infra.mail.PlatformMail;
import jp.kodoku.platform.infra.outbox.Outbox;
import jp.kodoku.platform.infra.outbox.OutboxState;
import jp.kodoku.platform.infra.testsupport.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 15: scheduled work and the outbox run once across two nodes. Two platform instances on one PostgreSQL and one
 * MongoDB, sending through one SMTP relay (a GreenMail of the test's, configured as production configures a relay):
 * every mail enqueued through either node reaches its recipient exactly once, every scheduled task runs once, and each
 * node reports the outbox and mail metrics on its management port.
 */
class TwoNodesSideEffectsTest {

    private static final int MAILS = 40;
    private static final int TASKS = 20;

    private static MongoServer mongo;
    private static GreenMail relay;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        String database = LocalPostgres.instance().createDatabase("two_nodes_effects");
        mongo = new MongoServer(H2Backend.inMemory());
        mongo.bind("127.0.0.1", 0);
        relay = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        relay.start();
        nodeA = start("node-a", database);
        nodeB = start("node-b", database);
    }

    @AfterAll
    static void stop() {
        Stream.of(nodeA, nodeB).filter(c -> c != null).forEach(ConfigurableApplicationContext::close);
        if (relay != null) {
            relay.stop();
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
    }

    private static ConfigurableApplicationContext start(String name, String database) throws Exception {
        return PlatformNode.start(name, database, "--platform.node-name=" + name, PlatformNode.mongoUri(mongo),
                                  "--spring.main.sources=" + SideEffectsTestTasks.class.getName(),
                                  "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + relay.getSmtp().getPort(),
                                  "--platform.mail.from-address=jimukyoku@kodoku.example.jp",
                                  "--db-scheduler.polling-interval=500ms");
    }

    @Test
    void every_mail_enqueued_through_either_node_reaches_its_recipient_exactly_once() {
        for (int i = 0; i < MAILS; i++) {
            ConfigurableApplicationContext node = i % 2 == 0 ? nodeA : nodeB;
            String to = "member-" + i + "@two-nodes.example.jp";
            new TransactionTemplate(node.getBean(PlatformTransactionManager.class)).executeWithoutResult(tx ->
                    node.getBean(PlatformMail.class).enqueue("two-nodes/" + to, Mail.to(
                            to, "二つのノードからのお知らせ", "platform/two-nodes-test", Map.of("recipient", to))));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> membersMails().size() >= MAILS);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> membersMails().size() == MAILS);
        Map<String, Long> perRecipient = membersMails().stream().collect(Collectors.groupingBy(r -> r, Collectors.counting()));
        assertThat(perRecipient).hasSize(MAILS);
        assertThat(perRecipient.values()).as("nobody gets a mail twice").containsOnly(1L);
        assertThat(nodeA.getBean(Outbox.class).progress(PlatformMail.KIND, "two-nodes/"))
                .containsEntry(OutboxState.DONE, (long) MAILS).containsEntry(OutboxState.PENDING, 0L)
                .containsEntry(OutboxState.FAILED, 0L);
    }

    @Test
    void every_task_scheduled_through_either_node_runs_once() {
        Instant due = Instant.now().plusSeconds(1);
        for (int i = 0; i < TASKS; i++) {
            ConfigurableApplicationContext node = i % 2 == 0 ? nodeA : nodeB;
            node.getBean(SchedulerClient.class).scheduleIfNotExists(task(node).instance("two-nodes-" + i), due);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> SideEffectsTestTasks.RUNS.size() >= TASKS);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> SideEffectsTestTasks.RUNS.size() == TASKS);
        Map<String, Long> perInstance = SideEffectsTestTasks.RUNS.stream()
                .collect(Collectors.groupingBy(SideEffectsTestTasks.Run::instance, Collectors.counting()));
        assertThat(perInstance).hasSize(TASKS);
        assertThat(perInstance.values()).containsOnly(1L);
    }

    @Test
    void each_node_reports_outbox_depth_and_age_per_kind_and_mails_sent_on_its_management_port() {
        // work of a kind no node handles (as during a rolling upgrade that adds it): it waits, and the metrics show it
        new TransactionTemplate(nodeA.getBean(PlatformTransactionManager.class)).executeWithoutResult(tx ->
                nodeA.getBean(Outbox.class).enqueue("not-yet-handled", "waiting-1", Map.of("text", "待機中")));
        new TransactionTemplate(nodeB.getBean(PlatformTransactionManager.class)).executeWithoutResult(tx ->
                nodeB.getBean(PlatformMail.class).enqueue("metrics/one", Mail.to(
                        "metrics@two-nodes.example.jp", "メトリクス", "platform/two-nodes-test", Map.of("recipient", "x"))));

        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[]{nodeA, nodeB}) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(scrape(node))
                    .containsPattern("platform_outbox_depth_rows\\{[^}]*kind=\"not-yet-handled\"[^}]*} 1\\.0")
                    .containsPattern("platform_outbox_oldest_age_seconds\\{[^}]*kind=\"not-yet-handled\"[^}]*} [1-9]")
                    .containsPattern("platform_outbox_depth_rows\\{[^}]*kind=\"mail\"[^}]*} 0\\.0")
                    .containsPattern("platform_outbox_failed_rows\\{[^}]*kind=\"mail\"[^}]*} 0\\.0")
                    .contains("platform_mail_sent_total").contains("platform_mail_failed_total"));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(scrape(nodeB))
                .containsPattern("platform_mail_sent_total\\{[^}]*} [1-9]"));
    }

    private static String scrape(ConfigurableApplicationContext node) {
        int port = Integer.parseInt(node.getEnvironment().getProperty("local.management.port"));
        Api.Response response = new Api(port).get("/actuator/prometheus").send();
        assertThat(response.status()).isEqualTo(200);
        return response.text();
    }

    /** The recipients of this test's mails (the relay also gets the metrics test's). */
    private static java.util.List<String> membersMails() {
        return Arrays.stream(relay.getReceivedMessages()).map(TwoNodesSideEffectsTest::recipient)
                     .filter(to -> to.startsWith("member-")).toList();
    }

    private static String recipient(MimeMessage message) {
        try {
            return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static OneTimeTask<Void> task(ConfigurableApplicationContext node) {
        return node.getBean("twoNodesTask", OneTimeTask.class);
    }

}
