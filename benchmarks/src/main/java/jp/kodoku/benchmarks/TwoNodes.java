package jp.kodoku.benchmarks;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Two nodes against one, in the same run (issue 15): the platform as a named node ({@code bench-a}), measured alone,
 * then with a second node ({@code bench-b}) started in this JVM on the same PostgreSQL and read models, measured with
 * the load spread over both as a load balancer would (each request to the next node in turn). Both nodes run in this
 * JVM on the same two cores, so the ratio shows what a second node costs or gains on one machine (the checks across
 * nodes, shared segments, notifications), not what a second machine would add.
 * <ul>
 *   <li>write path: profile updates (no expected version) by 8 clients, each on its own members; with two nodes each
 *   client's commands alternate between the nodes, so every organization is written through both (the aggregate
 *   cache's check across nodes, ADR 0013, finds it changed elsewhere every time);</li>
 *   <li>read path: {@code GET /api/v1/directory/{id}} of the members by 8 clients over HTTP (one document read; a named
 *   node searches the database, not an in-memory index, so a search would measure the wire server's scans).</li>
 * </ul>
 */
final class TwoNodes {

    static final String[] FIRST = {"--platform.node-name=bench-a"};
    static final String[] SECOND = {"--platform.node-name=bench-b"};
    private static final long MAX_WRITES = 1_600;

    private final Platform platform;
    private final Options options;
    private final Results results;
    private final LoadGenerator load = new LoadGenerator();
    private final AtomicLong updates = new AtomicLong(5_000_000);

    TwoNodes(Platform platform, Options options, Results results) {
        this.platform = platform;
        this.options = options;
        this.results = results;
    }

    /** Runs on the platform started with {@link #FIRST} (and searching the database); starts the second node. */
    void run(List<String> members) throws Exception {
        String token = platform.keycloak.passwordToken("jimukyoku", "jimukyoku-demo");
        quiet();
        Writes oneWrite = writes(List.of(platform.commands()), members);
        LoadGenerator.Outcome oneRead = reads(List.of(platform.port()), members, token);

        platform.startSecondNode(SECOND);
        awaitSharedDirectory();
        quiet();
        Writes twoWrite = writes(List.of(platform.commands(), platform.secondCommands()), members);
        LoadGenerator.Outcome twoRead = reads(List.of(platform.port(), platform.secondPort()), members, token);

        int clients = options.writeClients();
        results.rate("nodes.write", "two nodes: update profile, " + clients + " clients alternating nodes",
                twoWrite.rate(), "ops/s", oneWrite.rate(), "the same through one node, same run", null,
                String.format(Locale.ROOT, "p50/p99 %.1f/%.1f ms (one node %.1f/%.1f ms); errors %d (one node %d)",
                        twoWrite.p50(), twoWrite.p99(), oneWrite.p50(), oneWrite.p99(), twoWrite.errors, oneWrite.errors));
        results.rate("nodes.read", "two nodes: GET directory/{id}, " + options.readClients() + " clients alternating nodes",
                twoRead.rate(), "req/s", oneRead.rate(), "the same through one node, same run", null,
                String.format(Locale.ROOT, "p50/p99 %.1f/%.1f ms (one node %.1f/%.1f ms); errors %d (one node %d)",
                        twoRead.p50(), twoRead.p99(), oneRead.p50(), oneRead.p99(), twoRead.errors(), oneRead.errors()));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("writeOneNode", oneWrite.asMap());
        detail.put("writeTwoNodes", twoWrite.asMap());
        detail.put("readOneNode", oneRead.asMap());
        detail.put("readTwoNodes", twoRead.asMap());
        results.detail("nodes", detail);
    }

    private LoadGenerator.Outcome reads(List<Integer> ports, List<String> members, String token) throws Exception {
        Duration timeout = Duration.ofSeconds(30);
        LongFunction<HttpRequest> requests = i -> HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + ports.get((int) (i % ports.size())) + "/api/v1/directory/" + members.get((int) (i % members.size()))))
                .timeout(timeout).header("Authorization", "Bearer " + token).GET().build();
        for (int port = 0; port < ports.size(); port++) {
            int status = load.send(requests.apply(port));
            if (status != 200) {
                throw new IllegalStateException("GET directory/{id} through port " + ports.get(port) + " answered " + status);
            }
        }
        return load.closedLoop("directory/{id}", requests, options.readClients(), options.readWarmup(),
                options.readWindow(), 2_000_000);
    }

    record Writes(long operations, double seconds, long errors, Histogram latency) {
        double rate() {
            return operations / seconds;
        }

        double p50() {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(50) / 1000.0;
        }

        double p99() {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(99) / 1000.0;
        }

        Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("operations", operations);
            m.put("seconds", seconds);
            m.put("perSecond", rate());
            m.put("errors", errors);
            m.put("p50Ms", p50());
            m.put("p99Ms", p99());
            return m;
        }
    }

    /** A warm-up, then the window: each client updates its own members, its i-th command through node (client + i). */
    private Writes writes(List<CommandGateway> nodes, List<String> members) throws Exception {
        int clients = options.writeClients();
        int perClient = members.size() / clients;
        loop(nodes, members, clients, perClient, options.writeWarmup(), MAX_WRITES / 4, null, new AtomicLong());
        AtomicLong errors = new AtomicLong();
        Histogram latency = new ConcurrentHistogram(60_000_000L, 3);
        long start = System.nanoTime();
        long done = loop(nodes, members, clients, perClient, options.writeWindow(), MAX_WRITES, latency, errors);
        return new Writes(done, (System.nanoTime() - start) / 1e9, errors.get(), latency);
    }

    private long loop(List<CommandGateway> nodes, List<String> members, int clients, int perClient, Duration duration,
                      long maxOperations, Histogram latency, AtomicLong errors) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong issued = new AtomicLong();
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients, r -> new Thread(r, "bench-client"));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    for (long i = 0; ; i++) {
                        long t0 = System.nanoTime();
                        if (t0 >= end || issued.incrementAndGet() > maxOperations) {
                            return;
                        }
                        String member = members.get(client * perClient + (int) (i % perClient));
                        try {
                            nodes.get((int) ((client + i) % nodes.size())).sendAndWait(Organizations.message(
                                    Organizations.descriptionUpdate(member, updates.incrementAndGet())));
                            done.incrementAndGet();
                            if (latency != null) {
                                latency.recordValue(Math.min((System.nanoTime() - t0) / 1000, 60_000_000L));
                            }
                        } catch (Exception e) {
                            if (errors.incrementAndGet() <= 3) {
                                System.out.println("  error: " + e);
                            }
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return done.get();
    }

    /** The directory's two segments held one by each node (the balancer shares them within a few seconds). */
    private void awaitSharedDirectory() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> owners = platform.jdbc().queryForList(
                    "SELECT DISTINCT owner FROM tokenentry WHERE processorname = 'directory' AND owner IS NOT NULL",
                    String.class);
            if (owners.size() == 2) {
                return;
            }
            Platform.sleep(100);
        }
        results.note("two nodes: the directory's segments were not shared between the nodes within 60 s");
    }

    private void quiet() {
        if (!platform.awaitProjections(options.catchUpTimeout())) {
            results.note("two nodes: projections had not caught up before a measurement");
        }
    }
}
