package jp.kodoku.platform.infra.effects;

import com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerAutoConfiguration;
import jp.kodoku.platform.infra.mail.EmbeddedMailServerConfiguration;
import jp.kodoku.platform.infra.mail.MailConfiguration;
import jp.kodoku.platform.infra.outbox.OutboxConfiguration;
import jp.kodoku.platform.infra.scheduling.SchedulingConfiguration;
import jp.kodoku.platform.infra.testsupport.LocalPostgres;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A node of just the side-effect infrastructure (db-scheduler, the outbox, mail) on a database of the test's choice,
 * with the test's own tasks and handlers: what the gateway assembles, without the domain modules around it. Two of
 * them on one PostgreSQL database are two nodes.
 */
public final class EffectsNode {

    private EffectsNode() {
    }

    // not a @Configuration (component scan of the gateway's tests would find it in the test jar): a source of its own
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class,
            MailSenderAutoConfiguration.class, DbSchedulerAutoConfiguration.class})
    @Import({SchedulingConfiguration.class, OutboxConfiguration.class, MailConfiguration.class,
            EmbeddedMailServerConfiguration.class})
    static class Infrastructure {
    }

    /** A fresh embedded database, as {@code bin/start} has it (H2 in PostgreSQL mode), in memory. */
    public static String h2() {
        return "jdbc:h2:mem:effects-" + UUID.randomUUID()
               + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1";
    }

    /** A fresh database of the suite's PostgreSQL. */
    public static String postgres() {
        return LocalPostgres.instance().createDatabase("effects");
    }

    /** {@code more}: the test's own properties ("--platform.outbox.workers=3", …). */
    public static ConfigurableApplicationContext start(String name, String database, List<Class<?>> testBeans,
                                                       String... more) {
        LocalPostgres postgres = database.startsWith("jdbc:postgresql") ? LocalPostgres.instance() : null;
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + (postgres == null ? "sa" : postgres.username()),
                "--spring.datasource.password=" + (postgres == null ? "" : postgres.password()),
                "--spring.flyway.locations=classpath:db/migration",
                "--platform.node-name=" + name,
                "--db-scheduler.polling-interval=200ms",
                "--db-scheduler.immediate-execution-enabled=true",
                "--db-scheduler.threads=4",
                "--platform.outbox.poll-interval=200ms",
                "--platform.outbox.first-retry=200ms",
                "--platform.outbox.max-retry=1s",
                "--platform.mail.from-address=jimukyoku@kodoku.example.jp"));
        // a property given twice on the command line would be both values joined by a comma: the test's own wins
        for (String arg : more) {
            String property = arg.substring(0, arg.indexOf('=') + 1);
            args.removeIf(existing -> existing.startsWith(property));
            args.add(arg);
        }
        List<Class<?>> sources = new ArrayList<>();
        sources.add(Infrastructure.class);
        sources.addAll(testBeans);
        return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new));
    }
}
