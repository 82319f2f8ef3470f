package jp.kodoku.benchmarks;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a run does and how long each part may take, from system properties ({@code -Dbench.…}); bin/benchmark passes
 * its environment's {@code BENCH_OPTS} through. The defaults keep a whole run under about ten minutes on two cores.
 * {@code -Dbench.quick=true} shrinks everything (1,000 and 5,000 events, short windows) to check that the harness
 * works, not to measure.
 */
record Options(
        long smallEvents,
        long largeEvents,
        Duration writeWarmup,
        Duration writeSteadyTimeout,
        Duration writeWindow,
        int writeClients,
        int members,
        Duration readWarmup,
        Duration readWindow,
        int readClients,
        int freshnessRate,
        Duration freshnessWindow,
        Duration rebuildTimeout,
        Duration catchUpTimeout,
        boolean profile,
        java.util.List<String> platformArguments,
        java.util.List<String> readOnlySources,
        boolean writeOnly,
        boolean nodesOnly,
        Path output,
        Path work) {

    static Options fromSystemProperties() {
        boolean quick = Boolean.getBoolean("bench.quick");
        return new Options(
                Long.getLong("bench.events.small", quick ? 1_000 : 10_000),
                Long.getLong("bench.events.large", quick ? 5_000 : 100_000),
                seconds("bench.write.warmup", quick ? 1 : 2),
                seconds("bench.write.steady.timeout", quick ? 6 : 20),
                seconds("bench.write.seconds", quick ? 2 : 5),
                Integer.getInteger("bench.write.clients", 8),
                Integer.getInteger("bench.members", quick ? 80 : 200),
                seconds("bench.read.warmup", quick ? 1 : 3),
                seconds("bench.read.seconds", quick ? 2 : 8),
                Integer.getInteger("bench.read.clients", 8),
                Integer.getInteger("bench.freshness.rate", 50),
                seconds("bench.freshness.seconds", quick ? 3 : 20),
                seconds("bench.rebuild.timeout", 300),
                seconds("bench.catchup.timeout", 400),
                Boolean.parseBoolean(System.getProperty("bench.profile", "true")),
                parsePlatformArguments(),
                parseReadOnlySources(),
                Boolean.getBoolean("bench.write.only"),
                Boolean.getBoolean("bench.nodes.only"),
                Path.of(System.getProperty("bench.output", "benchmarks/target/benchmark-results.json")),
                Path.of(System.getProperty("bench.work", "benchmarks/target/bench-work")));
    }

    /**
     * Extra arguments for the platform, in this JVM and in the start-up run ({@code -Dbench.platform.args="--a=b
     * --c=d"}): to measure what a configuration change would do without changing the platform's own files. The
     * table then says so.
     */
    private static java.util.List<String> parsePlatformArguments() {
        String args = System.getProperty("bench.platform.args", "").trim();
        return args.isEmpty() ? java.util.List.of() : java.util.List.of(args.split("\\s+"));
    }

    /**
     * {@code -Dbench.read.only=database,memory}: only the read path at the small size, once per directory search
     * source in the order given, the platform started afresh for each ({@code platform.directory.search-index}).
     * Empty: the whole run.
     */
    private static java.util.List<String> parseReadOnlySources() {
        String sources = System.getProperty("bench.read.only", "").trim();
        return sources.isEmpty() ? java.util.List.of() : java.util.List.of(sources.split("\\s*,\\s*"));
    }

    private static Duration seconds(String property, long fallback) {
        return Duration.ofMillis(Math.round(Double.parseDouble(System.getProperty(property, Long.toString(fallback))) * 1000));
    }
}
