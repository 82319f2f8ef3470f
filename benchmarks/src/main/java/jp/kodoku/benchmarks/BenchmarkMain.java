package jp.kodoku.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs every benchmark of the platform in one go and prints one table; each figure next to a baseline measured in
 * the same run on the same machine (see docs/performance.md). Started by bin/benchmark.
 *
 * <ol>
 *   <li>infrastructure (PostgreSQL cluster and database, MongoDB wire server, Keycloak) and the platform in this JVM;</li>
 *   <li>members made by commands (the targets of profile updates);</li>
 *   <li>the event store grown to the small size: rebuild, read path, freshness;</li>
 *   <li>grown to the large size: the same three again;</li>
 *   <li>the platform stopped here and started as a separate JVM on the large store: start-up, heap, RSS;</li>
 *   <li>the platform started again here: write path, after a warm-up until the JIT compiler is quiet.</li>
 * </ol>
 * With {@code -Dbench.read.only=database,memory}, only the read path at the small size, once per directory search
 * source (see {@link #readOnly}).
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        long t0 = System.nanoTime();
        Options options = Options.fromSystemProperties();
        Files.createDirectories(options.work());
        Results results = new Results(machine());
        int status = 0;
        try {
            run(options, results);
        } catch (Throwable e) {
            status = 1;
            System.out.println("benchmark failed: " + e);
            e.printStackTrace(System.out);
            results.note("the run failed before the end: " + e);
        } finally {
            results.detail("runSeconds", (System.nanoTime() - t0) / 1e9);
            results.detail("loadAverageAtEnd", loadAverage());
            results.print(System.out);
            results.write(options.output());
            System.out.printf(Locale.ROOT, "%nWritten %s (whole run %.0f s)%n", options.output().toAbsolutePath(),
                    (System.nanoTime() - t0) / 1e9);
        }
        System.exit(status); // the shutdown hooks stop Keycloak and the PostgreSQL cluster
    }

    private static void run(Options options, Results results) throws Exception {
        Phase phase = new Phase();
        phase.start("infrastructure: PostgreSQL, MongoDB wire server, Keycloak");
        Platform platform = Platform.infrastructure(options.work(), options.platformArguments());
        if (!options.platformArguments().isEmpty()) {
            results.note("EXPERIMENT: the platform ran with extra arguments " + options.platformArguments()
                    + " (not its own configuration)");
        }
        results.detail("postgres", platform.postgres.isExternal() ? "external (PLATFORM_TEST_POSTGRES_URL)" : "throw-away local cluster, fsync on");
        if (!options.readOnlySources().isEmpty()) {
            readOnly(platform, options, results, phase);
            return;
        }
        if (options.nodesOnly()) {
            nodesOnly(platform, options, results, phase);
            return;
        }
        if (EventsBenchmarks.alone()) { EventsBenchmarks.runAlone(platform, options, results); return; }
        if (PollAnswers.alone()) { PollAnswers.runAlone(platform, results); return; }
        if (Boolean.getBoolean("bench.webhooks.only")) { webhooksOnly(platform, options, results, phase); return; }
        if (Boolean.getBoolean("bench.activity.only")) { activityOnly(platform, options, results, phase); return; }
        if (NewsletterSending.alone()) { NewsletterSending.runAlone(platform, results); return; }
        phase.start("platform in this JVM");
        platform.startApplication();
        results.detail("postgresVersion", platform.jdbc().queryForObject("SELECT version()", String.class));
        Map<String, String> processors = new LinkedHashMap<>();
        platform.processors().forEach((name, processor) -> processors.put(name, processor.getClass().getSimpleName()));
        results.detail("processors", processors);
        results.note("event processors of the platform: " + processors);
        results.note("directory searches answered from the in-memory index (platform.directory.search-index=memory), "
                + "as the embedded platform does on mongo-java-server");
        long events;
        List<String> members;
        WritePath write = new WritePath(platform, options, results);
        if (options.writeOnly()) {
            writeOnly(platform, write, results, phase);
            return;
        }
        try {
            phase.start("members");
            write.createMembers();
            members = write.members();
            if (!platform.awaitProjections(options.catchUpTimeout())) {
                results.note("projections had not caught up after the members were made");
            }

            SyntheticHistory history = new SyntheticHistory(platform);
            Rebuild rebuild = new Rebuild(platform, options, results);
            ReadPath read = new ReadPath(platform, options, results);
            Freshness freshness = new Freshness(platform, options, results);
            boolean first = true;
            for (long size : new long[]{options.smallEvents(), options.largeEvents()}) {
                String label = label(size);
                phase.start("event store grown to " + String.format(Locale.ROOT, "%,d", size) + " events");
                if (!first) {
                    // the directory is rebuilt from scratch next: it need not follow the appends live as well
                    platform.projections().pause(Rebuild.PROJECTION);
                }
                history.growTo(size);
                awaitOthers(platform, options, first ? null : Rebuild.PROJECTION);
                if (first) {
                    results.note(String.format(Locale.ROOT,
                            "the event store is grown with synthetic histories (submitted, approved, %d profile updates per "
                                    + "organization) appended in batches through Axon's EventStorageEngine, not by commands",
                            SyntheticHistory.UPDATES_PER_ORGANIZATION));
                }
                first = false;
                phase.start("rebuild @" + label);
                rebuild.run(label);
                phase.start("read path @" + label);
                read.run(label);
                phase.start("freshness @" + label);
                freshness.run(label, members);
            }
            events = platform.eventCount();
            new ActivityFeedRead(platform, options, results).run(label(options.largeEvents()));
        } finally {
            platform.stopApplication();
        }
        phase.start("start-up of a separate JVM");
        new StartUp(platform, options, results).run(events);
        // Last, on the platform started again in this JVM: its warm-up can run as long as the JIT needs without
        // changing the sizes measured above (the write path does not depend on the store's size).
        phase.start("write path");
        platform.startApplication();
        try {
            write.warmUp();
            write.run();
            new EventsBenchmarks(platform, options, results).run();
            new PollAnswers(platform, results).run();
        } finally {
            platform.stopApplication();
        }
        phase.start("webhooks"); new WebhookDelivery(platform, options, results).run(members);
        phase.start("two nodes against one");
        twoNodes(platform, options, results, members);
        phase.end();
        results.detail("phaseSeconds", phase.seconds);
    }

    /**
     * {@code -Dbench.write.only=true}: the members, then the write path on the platform already started (no store
     * growth, no read path, no start-up run): minutes instead of the whole run, for work on the write path.
     */
    private static void writeOnly(Platform platform, WritePath write, Results results, Phase phase) throws Exception {
        results.note("write path only (bench.write.only): the other benchmarks did not run");
        try {
            phase.start("members");
            write.createMembers();
            phase.start("write path");
            write.warmUp();
            write.run();
        } finally {
            platform.stopApplication();
        }
        phase.end();
        results.detail("phaseSeconds", phase.seconds);
    }

    /**
     * Only the read path, at the small size, once for each directory search source: the platform is started afresh
     * for each, on the same event store and read models, so that the sources are compared on the same data in the
     * same run, each against the bare endpoint measured just before it. No members are made (the read path needs
     * none), so the directory holds exactly small size / 5 organizations.
     */
    private static void readOnly(Platform platform, Options options, Results results, Phase phase) throws Exception {
        results.note("READ PATH ONLY, directory search sources in turn: " + options.readOnlySources()
                + " (platform.directory.search-index; the platform started afresh for each)");
        boolean first = true;
        Map<String, Integer> rounds = new LinkedHashMap<>();
        for (String source : options.readOnlySources()) {
            // a source named again is measured again (e.g. database,memory,database,memory: the first round runs on a
            // JVM that has just started, the second on one the first round warmed up)
            int round = rounds.merge(source, 1, Integer::sum);
            String label = label(options.smallEvents()) + "." + source + (round > 1 ? "." + round : "");
            platform.searchIndex(source);
            phase.start("platform in this JVM, directory searches from " + source);
            platform.startApplication();
            try {
                if (first) {
                    phase.start("event store grown to " + String.format(Locale.ROOT, "%,d", options.smallEvents()) + " events");
                    new SyntheticHistory(platform).growTo(options.smallEvents());
                    awaitOthers(platform, options, null);
                    first = false;
                }
                // an index loads in the background once the platform is ready: 2,000 organizations take well under
                // the bare endpoint's 11 s measured before the first search
                phase.start("read path @" + label);
                new ReadPath(platform, options, results).run(label);
            } finally {
                platform.stopApplication();
            }
        }
        phase.end();
        results.detail("phaseSeconds", phase.seconds);
    }

    /** Only the webhooks ({@code -Dbench.webhooks.only=true}): the members made by commands, then {@link WebhookDelivery}. */
    private static void webhooksOnly(Platform platform, Options options, Results results, Phase phase) throws Exception {
        results.note("WEBHOOKS ONLY (bench.webhooks.only): the members made by commands, then latency and saturation");
        phase.start("members");
        platform.startApplication();
        WritePath write = new WritePath(platform, options, results);
        try {
            write.createMembers();
        } finally {
            platform.stopApplication();
        }
        phase.start("webhooks");
        new WebhookDelivery(platform, options, results).run(write.members());
        phase.end();
        results.detail("phaseSeconds", phase.seconds);
    }

    /**
     * Only the public activity feed ({@code -Dbench.activity.only=true}): the event store grown to the small size (one
     * approval per synthetic organization: public entries), then {@link ActivityFeedRead}.
     */
    private static void activityOnly(Platform platform, Options options, Results results, Phase phase) throws Exception {
        results.note("ACTIVITY FEED ONLY (bench.activity.only): the store grown to the small size, then the public Atom feed");
        phase.start("platform in this JVM");
        platform.startApplication();
        try {
            phase.start("event store grown to " + String.format(Locale.ROOT, "%,d", options.smallEvents()) + " events");
            new SyntheticHistory(platform).growTo(options.smallEvents());
            awaitOthers(platform, options, null);
            phase.start("activity feed");
            new ActivityFeedRead(platform, options, results).run(label(options.smallEvents()));
        } finally {
            platform.stopApplication();
        }
        phase.end();
        results.detail("phaseSeconds", phase.seconds);
    }

    /**
     * Two nodes against one ({@link TwoNodes}): the platform started again as a named node, which searches the
     * database (a named node refuses the in-memory index), then a second node beside it.
     */
    private static void twoNodes(Platform platform, Options options, Results results, List<String> members)
            throws Exception {
        platform.searchIndex("database");
        platform.startApplication(TwoNodes.FIRST);
        try {
            new TwoNodes(platform, options, results).run(members);
        } finally {
            platform.stopApplication();
        }
    }

    /** Only two nodes against one ({@code -Dbench.nodes.only=true}): the members made, then {@link TwoNodes}. */
    private static void nodesOnly(Platform platform, Options options, Results results, Phase phase) throws Exception {
        results.note("TWO NODES ONLY: the members made by commands, then the write and read paths through one node "
                + "and through two");
        platform.searchIndex("database");
        phase.start("members, on node bench-a");
        platform.startApplication(TwoNodes.FIRST);
        try {
            WritePath write = new WritePath(platform, options, results);
            write.createMembers();
            if (!platform.awaitProjections(options.catchUpTimeout())) {
                results.note("projections had not caught up after the members were made");
            }
            phase.start("two nodes against one");
            new TwoNodes(platform, options, results).run(write.members());
        } finally {
            platform.stopApplication();
        }
        phase.end();
        results.detail("phaseSeconds", phase.seconds);
    }

    /**
     * Every projection but {@code except} running and past the head. By position, not by the processors' "caught up"
     * flag: right after an append that flag still describes the time before it.
     */
    private static void awaitOthers(Platform platform, Options options, String except) {
        long t0 = System.nanoTime();
        if (except == null) {
            if (!platform.awaitProjections(options.catchUpTimeout())) {
                throw new IllegalStateException("projections did not catch up within " + options.catchUpTimeout());
            }
        } else {
            long head = platform.head();
            long deadline = t0 + options.catchUpTimeout().toNanos();
            while (true) {
                Map<String, Long> behind = new LinkedHashMap<>();
                platform.processors().forEach((name, processor) -> {
                    if (!name.equals(except)) {
                        long position = !processor.isRunning() || processor.processingStatus().isEmpty() ? -1
                                : processor.processingStatus().values().stream()
                                           .mapToLong(s -> s.isErrorState() ? -1 : s.getCurrentPosition().orElse(-1))
                                           .min().orElse(-1);
                        if (position < head) {
                            behind.put(name, position);
                        }
                    }
                });
                if (behind.isEmpty()) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("projections did not catch up within " + options.catchUpTimeout()
                            + " (head " + head + "): " + behind);
                }
                Platform.sleep(100);
            }
        }
        System.out.printf(Locale.ROOT, "  projections%s caught up in %.1f s%n", except == null ? "" : " (but " + except + ")",
                (System.nanoTime() - t0) / 1e9);
    }

    static String label(long events) {
        return events >= 1_000 && events % 1_000 == 0 ? (events / 1_000) + "k" : Long.toString(events);
    }

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        int cpus = Runtime.getRuntime().availableProcessors();
        double memoryGiB = memTotalKb() / 1024.0 / 1024.0;
        String jdk = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        m.put("nproc", cpus);
        m.put("memoryGiB", Math.round(memoryGiB * 10) / 10.0);
        m.put("jdk", jdk);
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("cpuModel", cpuModel());
        m.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / 1024 / 1024);
        m.put("loadAverageAtStart", loadAverage());
        m.put("commit", git("rev-parse", "--short", "HEAD") + (git("status", "--porcelain", "--untracked-files=no").isEmpty() ? "" : " (with local changes)"));
        m.put("summary", String.format(Locale.ROOT, "%d CPUs, %.1f GiB, %s", cpus, memoryGiB, jdk));
        return m;
    }

    private static long memTotalKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception ignored) {
            // not Linux
        }
        return 0;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (Exception ignored) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static String git(String... args) {
        try {
            List<String> command = new java.util.ArrayList<>(List.of("git"));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? out : "n/a";
        } catch (Exception e) {
            return "n/a";
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "n/a";
        }
    }

    /** Prints where the run is and keeps how long each part took. */
    private static final class Phase {
        final Map<String, Double> seconds = new LinkedHashMap<>();
        private String name;
        private long started;

        void start(String next) {
            end();
            name = next;
            started = System.nanoTime();
            System.out.printf(Locale.ROOT, "%n== %s (load average %s)%n", next, loadAverage());
        }

        void end() {
            if (name != null) {
                double s = (System.nanoTime() - started) / 1e9;
                seconds.put(name, s);
                System.out.printf(Locale.ROOT, "   (%s: %.1f s)%n", name, s);
                name = null;
            }
        }
    }
}
