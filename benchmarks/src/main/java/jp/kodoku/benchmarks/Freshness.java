package jp.kodoku.benchmarks;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.bson.Document;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Freshness: the time from an acknowledged command ({@code sendAndWait} has returned the aggregate's new version) to
 * the directory's document showing that version, at a steady rate of profile updates. One poller asks MongoDB for
 * every pending document at once ({@code _id $in …}) every 2 ms. The baseline is the floor of the method: documents
 * written straight into MongoDB at the same rate and found by the same poller.
 */
final class Freshness {

    private static final long POLL_MICROS = 2_000;
    private static final long GIVE_UP_NANOS = 10_000_000_000L;
    private static final String FLOOR_COLLECTION = "bench_freshness_floor";

    private final Platform platform;
    private final Options options;
    private final Results results;
    private final AtomicLong counter = new AtomicLong(1_000_000);

    Freshness(Platform platform, Options options, Results results) {
        this.platform = platform;
        this.options = options;
        this.results = results;
    }

    record Watch(String collection, String id, long version, long acknowledged) {
    }

    interface Write {
        Watch write(long i) throws Exception;
    }

    record Outcome(long sent, long seen, long missed, long errors, Histogram visible, Histogram acknowledged) {
        double p50() {
            return visible.getTotalCount() == 0 ? Double.NaN : visible.getValueAtPercentile(50) / 1000.0;
        }

        double p99() {
            return visible.getTotalCount() == 0 ? Double.NaN : visible.getValueAtPercentile(99) / 1000.0;
        }

        Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sent", sent);
            m.put("seen", seen);
            m.put("missed", missed);
            m.put("errors", errors);
            m.put("visibleP50Ms", p50());
            m.put("visibleP99Ms", p99());
            m.put("visibleMaxMs", visible.getTotalCount() == 0 ? Double.NaN : visible.getMaxValue() / 1000.0);
            m.put("acknowledgedP50Ms", acknowledged.getTotalCount() == 0 ? Double.NaN : acknowledged.getValueAtPercentile(50) / 1000.0);
            m.put("acknowledgedP99Ms", acknowledged.getTotalCount() == 0 ? Double.NaN : acknowledged.getValueAtPercentile(99) / 1000.0);
            return m;
        }
    }

    void run(String label, List<String> members) throws Exception {
        if (platform.mongo().collectionExists(FLOOR_COLLECTION)) {
            platform.mongo().dropCollection(FLOOR_COLLECTION);
        }
        MongoCollection<Document> floorCollection = platform.mongo().getCollection(FLOOR_COLLECTION);
        Outcome floor = measure(i -> {
            String id = "floor-" + i;
            floorCollection.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("version", i),
                    new ReplaceOptions().upsert(true));
            return new Watch(FLOOR_COLLECTION, id, i, System.nanoTime());
        });
        floorCollection.drop();

        CommandGateway gateway = platform.commands();
        Outcome commands;
        try (Sampler sampler = new Sampler(options.profile(), n -> n.contains("directory") || n.startsWith("bench-fresh"))) {
            commands = measure(i -> {
                String id = members.get((int) (i % members.size()));
                Object version = gateway.sendAndWait(Organizations.message(
                        Organizations.descriptionUpdate(id, counter.incrementAndGet())));
                return new Watch("organizations", id, ((Number) version).longValue(), System.nanoTime());
            });
            sampler.print("freshness (" + label + ")", 8);
            results.detail("profile.freshness." + label, sampler.summary(15));
        }
        String at = " @" + label;
        String note = String.format(Locale.ROOT, "%d/s for %d s; %d commands, %d seen, %d not seen within 10 s, %d errors; ack p50 %.1f ms",
                options.freshnessRate(), options.freshnessWindow().toSeconds(), commands.sent(), commands.seen(),
                commands.missed(), commands.errors(),
                commands.acknowledged().getTotalCount() == 0 ? Double.NaN : commands.acknowledged().getValueAtPercentile(50) / 1000.0);
        results.ceiling("freshness." + label + ".p50", "freshness" + at + ": p50, ack → visible in directory", commands.p50(),
                "ms", floor.p50(), "direct MongoDB write seen by the same poller", null, null);
        results.ceiling("freshness." + label + ".p99", "freshness" + at + ": p99, ack → visible in directory", commands.p99(),
                "ms", floor.p99(), "direct MongoDB write seen by the same poller", 250.0, note);
        results.detail("freshness." + label, Map.of("commands", commands.asMap(), "floor", floor.asMap()));
    }

    /** Writes at the configured rate for the configured time; waits (bounded) until each is seen or given up. */
    private Outcome measure(Write write) throws Exception {
        int rate = options.freshnessRate();
        long total = Math.max(1, rate * options.freshnessWindow().toSeconds());
        long period = 1_000_000_000L / rate;
        Histogram visible = new ConcurrentHistogram(60_000_000L, 3);
        Histogram acknowledged = new ConcurrentHistogram(60_000_000L, 3);
        ConcurrentLinkedQueue<Watch> incoming = new ConcurrentLinkedQueue<>();
        AtomicLong seen = new AtomicLong();
        AtomicLong missed = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong acked = new AtomicLong();
        ExecutorService writers = Executors.newFixedThreadPool(16, r -> new Thread(r, "bench-fresh-writer"));
        Thread poller = new Thread(() -> poll(incoming, visible, seen, missed), "bench-fresh-poller");
        poller.setDaemon(true);
        poller.start();
        long start = System.nanoTime();
        try {
            for (long i = 0; i < total; i++) {
                long scheduled = start + i * period;
                LoadGenerator.parkUntil(scheduled);
                long n = i;
                writers.execute(() -> {
                    try {
                        Watch watch = write.write(n);
                        acknowledged.recordValue(Math.min((watch.acknowledged() - scheduled) / 1000, 60_000_000L));
                        acked.incrementAndGet();
                        incoming.add(watch);
                    } catch (Exception e) {
                        if (errors.incrementAndGet() <= 3) {
                            System.out.println("  error: " + e);
                        }
                    }
                });
            }
            writers.shutdown();
            writers.awaitTermination(60, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + GIVE_UP_NANOS + 1_000_000_000L;
            while (seen.get() + missed.get() < acked.get() && System.nanoTime() < deadline) {
                Platform.sleep(10);
            }
        } finally {
            writers.shutdownNow();
            poller.interrupt();
            poller.join(2_000);
        }
        return new Outcome(total, seen.get(), missed.get(), errors.get(), visible, acknowledged);
    }

    private void poll(ConcurrentLinkedQueue<Watch> incoming, Histogram visible, AtomicLong seen, AtomicLong missed) {
        List<Watch> pending = new ArrayList<>();
        while (!Thread.currentThread().isInterrupted()) {
            Watch w;
            while ((w = incoming.poll()) != null) {
                pending.add(w);
            }
            if (!pending.isEmpty()) {
                Map<String, List<Watch>> byCollection = new LinkedHashMap<>();
                pending.forEach(p -> byCollection.computeIfAbsent(p.collection(), k -> new ArrayList<>()).add(p));
                Map<String, Long> versions = new java.util.HashMap<>();
                for (Map.Entry<String, List<Watch>> e : byCollection.entrySet()) {
                    List<String> ids = e.getValue().stream().map(Watch::id).distinct().toList();
                    try {
                        for (Document d : platform.mongo().getCollection(e.getKey())
                                                  .find(Filters.in("_id", ids)).projection(Projections.include("version"))) {
                            Object v = d.get("version");
                            versions.put(e.getKey() + "/" + d.get("_id"), v instanceof Number num ? num.longValue() : -1L);
                        }
                    } catch (RuntimeException stopping) {
                        if (Thread.currentThread().isInterrupted()) {
                            return;
                        }
                    }
                }
                long now = System.nanoTime();
                for (Iterator<Watch> it = pending.iterator(); it.hasNext(); ) {
                    Watch p = it.next();
                    Long v = versions.get(p.collection() + "/" + p.id());
                    if (v != null && v >= p.version()) {
                        visible.recordValue(Math.max(0, Math.min((now - p.acknowledged()) / 1000, 60_000_000L)));
                        seen.incrementAndGet();
                        it.remove();
                    } else if (now - p.acknowledged() > GIVE_UP_NANOS) {
                        missed.incrementAndGet();
                        it.remove();
                    }
                }
            }
            LockSupport.parkNanos(POLL_MICROS * 1000);
        }
    }
}
