package jp.kodoku.platform.gateway.ratelimit;

import com.zaxxer.hikari.HikariDataSource;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.local.LocalBucket;
import io.github.bucket4j.local.LocalBucketBuilder;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every rate limit of the platform: one token bucket per limit and caller (Bucket4j).
 *
 * <p>On PostgreSQL the buckets are rows of {@code rate_limit_buckets} in the system of record, so every node on the
 * database draws from the same budget. Each call is one short transaction of its own (the bucket's row locked, read
 * and written back), never part of the request's transaction: a refused or failed request still spent its call. Those
 * transactions run on a small pool of their own whose sessions commit without waiting for the disk
 * ({@code synchronous_commit = off}, as the read models' in ADR 0008): waiting made a call cost ~2 ms instead of
 * ~0.2 ms (docs/adr), and a database crash can then only forget the last few calls, making a limit looser for a moment.
 *
 * <p>On the embedded H2 database they are in memory: Bucket4j's JDBC buckets need PostgreSQL's
 * {@code INSERT … ON CONFLICT (id)}, which H2 does not parse even in PostgreSQL mode, and an embedded H2 file can only
 * ever be opened by one node, so there is no second node to share with.
 */
@Component
public class RateLimiter implements AutoCloseable {

    /** How often buckets that are full again (so hold nothing worth keeping) are deleted. */
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);
    /** At most 100,000 rows each time, 1,000 per statement: a flood of addresses is cleared, and no call waits long. */
    private static final int PURGE_BATCH = 1_000;
    private static final int MAX_PURGE_BATCHES = 100;
    /** A flood of addresses must not exhaust memory; forgetting buckets only makes the limits looser for a moment. */
    private static final int MAX_BUCKETS_IN_MEMORY = 100_000;
    /** Enough for short transactions from every request thread: a call holds a connection for well under 1 ms. */
    private static final int POOL_SIZE = 4;

    private final Buckets buckets;
    private final Clock clock;
    private final HikariDataSource ownPool;
    private volatile long nextPurge;

    @Autowired
    public RateLimiter(DataSource database, DataSourceProperties settings) {
        this(isPostgreSql(database) ? asynchronousPool(settings) : null);
    }

    private RateLimiter(HikariDataSource ownPool) {
        this(ownPool != null ? inPostgreSql(ownPool, timeMeter(Clock.systemUTC())) : inMemory(timeMeter(Clock.systemUTC())),
                Clock.systemUTC(), ownPool);
    }

    /** The limiter of one node on this database: shared buckets on PostgreSQL, else in memory. */
    public RateLimiter(DataSource database, Clock clock) {
        this(isPostgreSql(database) ? inPostgreSql(database, timeMeter(clock)) : inMemory(timeMeter(clock)), clock, null);
    }

    private RateLimiter(Buckets buckets, Clock clock, HikariDataSource ownPool) {
        this.buckets = buckets;
        this.clock = clock;
        this.ownPool = ownPool;
        this.nextPurge = clock.millis() + PURGE_EVERY.toMillis();
    }

    /** Buckets in this JVM only, as on the embedded database. */
    public static RateLimiter inMemory(Clock clock) {
        return new RateLimiter(inMemory(timeMeter(clock)), clock, null);
    }

    /** Takes one call from the caller's bucket: empty when allowed, else the whole seconds to wait (at least 1). */
    public OptionalLong acquire(RateLimit limit, String caller) {
        purgeNowAndThen();
        BucketConfiguration budget = BucketConfiguration.builder()
                .addLimit(l -> l.capacity(limit.calls()).refillGreedy(limit.calls(), limit.period()))
                .build();
        ConsumptionProbe probe = buckets.bucket(limit.bucketKey(caller), budget).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        long second = TimeUnit.SECONDS.toNanos(1);
        return OptionalLong.of(Math.max(1, (probe.getNanosToWaitForRefill() + second - 1) / second));
    }

    private void purgeNowAndThen() {
        long now = clock.millis();
        if (now < nextPurge) {
            return;
        }
        nextPurge = now + PURGE_EVERY.toMillis();
        buckets.purge();
    }

    /** Where the buckets are kept. */
    private interface Buckets {

        Bucket bucket(String key, BucketConfiguration budget);

        /** Deletes buckets that are full again. */
        void purge();
    }

    private static Buckets inPostgreSql(DataSource database, TimeMeter clock) {
        PostgreSQLSelectForUpdateBasedProxyManager<String> rows =
                Bucket4jPostgreSQL.selectForUpdateBasedBuilder(database)
                                  .primaryKeyMapper(PrimaryKeyMapper.STRING)
                                  .table("rate_limit_buckets")
                                  .clientClock(clock)
                                  .expirationAfterWrite(ExpirationAfterWriteStrategy
                                          .basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                                  .build();
        return new Buckets() {
            @Override
            public Bucket bucket(String key, BucketConfiguration budget) {
                return rows.getProxy(key, () -> budget);
            }

            @Override
            public void purge() {
                int batches = 1;
                while (rows.removeExpired(PURGE_BATCH) == PURGE_BATCH && batches < MAX_PURGE_BATCHES) {
                    batches++;
                }
            }
        };
    }

    private static Buckets inMemory(TimeMeter clock) {
        ConcurrentHashMap<String, LocalBucket> held = new ConcurrentHashMap<>();
        return new Buckets() {
            @Override
            public Bucket bucket(String key, BucketConfiguration budget) {
                if (held.size() > MAX_BUCKETS_IN_MEMORY) {
                    held.clear();
                }
                return held.computeIfAbsent(key, k -> {
                    LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(clock);
                    Arrays.stream(budget.getBandwidths()).forEach(builder::addLimit);
                    return builder.build();
                });
            }

            @Override
            public void purge() {
                held.values().removeIf(bucket ->
                        bucket.getAvailableTokens() >= bucket.getConfiguration().getBandwidths()[0].getCapacity());
            }
        };
    }

    @Override
    public void close() {
        if (ownPool != null) {
            ownPool.close();
        }
    }

    private static HikariDataSource asynchronousPool(DataSourceProperties settings) {
        HikariDataSource pool = settings.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        pool.setPoolName("rate-limits");
        pool.setMaximumPoolSize(POOL_SIZE);
        pool.setConnectionInitSql("SET synchronous_commit TO off");
        return pool;
    }

    private static boolean isPostgreSql(DataSource database) {
        try (Connection connection = database.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database holds the rate limits", e);
        }
    }

    private static TimeMeter timeMeter(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return TimeUnit.MILLISECONDS.toNanos(clock.millis());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}
