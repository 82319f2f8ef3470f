package jp.kodoku.platform.gateway.ratelimit;

import com.zaxxer.hikari.HikariDataSource;
import jp.kodoku.platform.infra.testsupport.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

/**
 * What one rate-limited call costs, printed for docs/adr (no assertion on time: the figures depend on the machine).
 * Not part of the suite; run it with
 * {@code ./mvnw -pl api-gateway -am test -Dtest=RateLimiterCost -Dsurefire.failIfNoSpecifiedTests=false -Dplatform.measure=true}.
 */
@EnabledIfSystemProperty(named = "platform.measure", matches = "true")
class RateLimiterCost {

    private static final RateLimit LIMIT = new RateLimit("cost", 1_000_000, Duration.ofMinutes(1));
    private static final int WARM_UP = 3_000;
    private static final int CALLS = 5_000;

    @Test
    void one_call_in_memory_and_on_postgresql() throws Exception {
        measure("in memory", RateLimiter.inMemory(Clock.systemUTC()));
        String url = LocalPostgres.instance().createDatabase("rate_limit_cost");
        try (HikariDataSource pool = RateLimitDatabases.pool(url)) {
            RateLimitDatabases.migrate(pool);
            measure("PostgreSQL, commit waits for disk", new RateLimiter(pool, Clock.systemUTC()));
            DataSourceProperties settings = new DataSourceProperties();
            settings.setUrl(url);
            settings.setUsername(LocalPostgres.instance().username());
            settings.setPassword(LocalPostgres.instance().password());
            try (RateLimiter asPlatformRunsIt = new RateLimiter(pool, settings)) {
                measure("PostgreSQL, as the platform runs it", asPlatformRunsIt);
            }
        }
    }

    private static void measure(String store, RateLimiter limiter) throws Exception {
        run(limiter, 1, WARM_UP, i -> "warm-up-" + (i % 100));
        print(store + ", 1 thread, 100 callers", run(limiter, 1, CALLS, i -> "caller-" + (i % 100)));
        print(store + ", 8 threads, 800 callers", run(limiter, 8, CALLS, i -> "caller-" + (i % 800)));
        print(store + ", 8 threads, one caller", run(limiter, 8, CALLS, i -> "one"));
    }

    /** Per-call latencies in microseconds, sorted, and the wall time in the last element. */
    private static long[] run(RateLimiter limiter, int threads, int calls, IntFunction<String> caller) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            int perThread = calls / threads;
            List<Callable<long[]>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * perThread;
                workers.add(() -> {
                    long[] micros = new long[perThread];
                    for (int i = 0; i < perThread; i++) {
                        long start = System.nanoTime();
                        limiter.acquire(LIMIT, caller.apply(offset + i));
                        micros[i] = (System.nanoTime() - start) / 1_000;
                    }
                    return micros;
                });
            }
            long start = System.nanoTime();
            List<long[]> results = new ArrayList<>();
            for (var result : pool.invokeAll(workers)) {
                results.add(result.get());
            }
            long wallMicros = (System.nanoTime() - start) / 1_000;
            long[] all = results.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            long[] withWall = Arrays.copyOf(all, all.length + 1);
            withWall[all.length] = wallMicros;
            return withWall;
        } finally {
            pool.shutdown();
        }
    }

    private static void print(String what, long[] result) {
        int n = result.length - 1;
        long wall = result[n];
        System.out.printf("RATE-LIMIT COST %-42s calls %,d  p50 %,d µs  p99 %,d µs  max %,d µs  %,.0f calls/s%n",
                what, n, result[n / 2], result[(int) (n * 0.99)], result[n - 1], n / (wall / 1e6));
    }
}
