package jp.kodoku.platform.gateway.ratelimit;

import com.zaxxer.hikari.HikariDataSource;
import jp.kodoku.platform.gateway.support.MovableClock;
import jp.kodoku.platform.infra.testsupport.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rate limits on one PostgreSQL shared by two nodes: each node is a limiter with a connection pool of its own,
 * as two application instances would have. And on the embedded H2 database, which only one node can open.
 */
class RateLimiterTest {

    private static final RateLimit THREE_PER_MINUTE = new RateLimit("test", 3, Duration.ofMinutes(1));

    private static HikariDataSource nodeA;
    private static HikariDataSource nodeB;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-04-01T00:00:00Z"));

    @BeforeAll
    static void database() {
        String url = LocalPostgres.instance().createDatabase("rate_limits");
        nodeA = RateLimitDatabases.pool(url);
        nodeB = RateLimitDatabases.pool(url);
        RateLimitDatabases.migrate(nodeA);
    }

    @AfterAll
    static void close() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void two_nodes_on_one_database_draw_from_one_budget() {
        RateLimiter a = new RateLimiter(nodeA, clock);
        RateLimiter b = new RateLimiter(nodeB, clock);

        assertThat(a.acquire(THREE_PER_MINUTE, "203.0.113.1")).isEmpty();
        assertThat(b.acquire(THREE_PER_MINUTE, "203.0.113.1")).isEmpty();
        assertThat(a.acquire(THREE_PER_MINUTE, "203.0.113.1")).isEmpty();

        assertThat(b.acquire(THREE_PER_MINUTE, "203.0.113.1")).isEqualTo(OptionalLong.of(20));
        assertThat(a.acquire(THREE_PER_MINUTE, "203.0.113.1")).isEqualTo(OptionalLong.of(20));
        clock.advance(Duration.ofSeconds(20));
        assertThat(b.acquire(THREE_PER_MINUTE, "203.0.113.1")).isEmpty();
        assertThat(a.acquire(THREE_PER_MINUTE, "203.0.113.1")).isPresent();
    }

    @Test
    void concurrent_calls_through_both_nodes_never_get_more_than_the_budget() throws Exception {
        RateLimit tenPerHour = new RateLimit("test", 10, Duration.ofHours(1));
        RateLimiter a = new RateLimiter(nodeA, clock);
        RateLimiter b = new RateLimiter(nodeB, clock);
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            RateLimiter node = i % 2 == 0 ? a : b;
            calls.add(() -> node.acquire(tenPerHour, "こども食堂ネットワーク").isEmpty());
        }

        ExecutorService clients = Executors.newFixedThreadPool(8);
        int allowed = 0;
        try {
            for (Future<Boolean> call : clients.invokeAll(calls)) {
                allowed += call.get() ? 1 : 0;
            }
        } finally {
            clients.shutdown();
        }

        assertThat(allowed).isEqualTo(10);
    }

    @Test
    void each_caller_and_each_limit_has_its_own_bucket() {
        RateLimiter limiter = new RateLimiter(nodeA, clock);
        RateLimit other = new RateLimit("other", 3, Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            limiter.acquire(THREE_PER_MINUTE, "203.0.113.2");
        }

        assertThat(limiter.acquire(THREE_PER_MINUTE, "203.0.113.3")).isEmpty();
        assertThat(limiter.acquire(other, "203.0.113.2")).isEmpty();
    }

    @Test
    void a_changed_budget_starts_a_fresh_bucket() {
        RateLimiter limiter = new RateLimiter(nodeA, clock);
        for (int i = 0; i < 3; i++) {
            limiter.acquire(THREE_PER_MINUTE, "203.0.113.4");
        }

        RateLimit raised = new RateLimit("test", 5, Duration.ofMinutes(1));
        assertThat(limiter.acquire(raised, "203.0.113.4")).isEmpty();
    }

    @Test
    void buckets_that_are_full_again_are_deleted_now_and_then() {
        MovableClock now = new MovableClock(Instant.now());
        RateLimiter limiter = new RateLimiter(nodeA, now);
        limiter.acquire(new RateLimit("test", 1, Duration.ofSeconds(1)), "203.0.113.6");
        JdbcTemplate jdbc = new JdbcTemplate(nodeA);
        String row = "SELECT COUNT(*) FROM rate_limit_buckets WHERE id LIKE '%/203.0.113.6'";
        assertThat(jdbc.queryForObject(row, Long.class)).isOne();

        // full again after one second; Bucket4j compares the row's expiry with the real time
        await().pollDelay(Duration.ofMillis(1_100)).until(() -> true);
        now.advance(Duration.ofMinutes(11));
        limiter.acquire(THREE_PER_MINUTE, "203.0.113.7");

        assertThat(jdbc.queryForObject(row, Long.class)).isZero();
    }

    @Test
    void on_the_embedded_database_the_buckets_are_in_memory_and_limit_alike() throws Exception {
        Path data = Files.createTempDirectory("platform-rate-limits-");
        try (HikariDataSource embedded = RateLimitDatabases.pool("jdbc:h2:file:" + data.resolve("eventstore")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")) {
            RateLimitDatabases.migrate(embedded);
            RateLimiter limiter = new RateLimiter(embedded, clock);
            for (int i = 0; i < 3; i++) {
                assertThat(limiter.acquire(THREE_PER_MINUTE, "203.0.113.5")).isEmpty();
            }

            assertThat(limiter.acquire(THREE_PER_MINUTE, "203.0.113.5")).isEqualTo(OptionalLong.of(20));
            assertThat(new JdbcTemplate(embedded).queryForObject("SELECT COUNT(*) FROM rate_limit_buckets", Long.class))
                    .isZero();
        }
    }
}
