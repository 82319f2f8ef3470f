package jp.kodoku.benchmarks;

import com.mongodb.client.MongoCollection;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.RawBsonDocument;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rebuild: events per second when the {@code directory} projection is rebuilt ({@code Projections.rebuild}, then
 * {@code Projections.reached(head)}), against a raw read of the whole event table over JDBC (every payload and
 * metadata byte) with, for every event, an upsert of a document of the directory's average size into the same MongoDB
 * endpoint, sent as bulk operations of 1,000.
 */
final class Rebuild {

    static final String PROJECTION = "directory";
    private static final String BASELINE_COLLECTION = "bench_rebuild_baseline";
    private static final int BULK = 1_000;
    private static final long WARMUP_EVENTS = 5_000;

    private final Platform platform;
    private final Options options;
    private final Results results;
    private boolean warmedUp;

    Rebuild(Platform platform, Options options, Results results) {
        this.platform = platform;
        this.options = options;
        this.results = results;
    }

    void run(String label) {
        long events = platform.eventCount();
        long head = platform.head();
        int documentBytes = averageDocumentBytes();
        rawReadAndUpsert(documentBytes, WARMUP_EVENTS); // the baseline's code paths warmed up, and the platform's:
        if (!warmedUp) {
            warmUp(head);
            warmedUp = true;
        }
        Map<String, Object> baseline = rawReadAndUpsert(documentBytes, Long.MAX_VALUE);
        double baselineRate = (double) baseline.get("eventsPerSecond");

        CpuUse cpuAtStart = CpuUse.now();
        long t0 = System.nanoTime();
        boolean complete;
        long position;
        try (Sampler sampler = new Sampler(options.profile(), n -> n.contains(PROJECTION))) {
            complete = rebuildAndWait(head);
            position = complete ? head : position();
            sampler.print("rebuild of " + label, 8);
            results.detail("profile.rebuild." + label, sampler.summary(15));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long handled = complete ? events : Math.max(0, Math.min(events, position + 1));
        Map<String, Double> cpu = CpuUse.now().perOperationSince(cpuAtStart, handled);
        System.out.println("    " + CpuUse.describe(cpu, "event"));
        double rate = handled / seconds;
        results.rate("rebuild." + label, "rebuild directory from " + String.format(Locale.ROOT, "%,d", events) + " events",
                rate, "events/s", baselineRate,
                "JDBC read of all events + bulk upserts (1,000 per bulk) of " + documentBytes + "-byte documents",
                0.5, complete ? String.format(Locale.ROOT, "%.1f s for %,d events", seconds, events)
                        : String.format(Locale.ROOT, "NOT complete within %d s: rate over the %,d events handled so far",
                        options.rebuildTimeout().toSeconds(), handled));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("events", events);
        detail.put("seconds", seconds);
        detail.put("complete", complete);
        detail.put("eventsPerSecond", rate);
        detail.put("baseline", baseline);
        detail.put("cpuMsPerEvent", cpu);
        results.detail("rebuild." + label, detail);
        if (!complete) {
            System.out.println("  waiting for the rebuild to finish before going on …");
            platform.awaitProjections(options.catchUpTimeout());
        }
    }

    /**
     * Unmeasured rebuilds until the JIT compiler spends less than 10 % of one compiling (at most five): replaying in
     * batches runs code the live processing (batches of one) does not, and early in a run the compiler is still busy
     * with everything else too; in earlier runs it took half the CPU of the first measured rebuild.
     */
    private void warmUp(long head) {
        double compilingShare = 1;
        int rebuilds = 0;
        while (compilingShare > 0.10 && rebuilds < 5) {
            long compiling = CpuUse.compilingMillis();
            long t0 = System.nanoTime();
            rebuildAndWait(head);
            compilingShare = (CpuUse.compilingMillis() - compiling) / ((System.nanoTime() - t0) / 1e6);
            rebuilds++;
        }
        String outcome = String.format(Locale.ROOT, "rebuild warmed up by %d unmeasured rebuild%s; JIT compiling in the "
                + "last: %.0f %% of its time", rebuilds, rebuilds == 1 ? "" : "s", 100 * compilingShare);
        System.out.println("  " + outcome);
        results.note(outcome);
    }

    /** Rebuilds the directory and waits until it has reached {@code head}: false if it had not within the timeout. */
    private boolean rebuildAndWait(long head) {
        long deadline = System.nanoTime() + options.rebuildTimeout().toNanos();
        platform.projections().rebuild(PROJECTION);
        while (System.nanoTime() < deadline) {
            if (platform.projections().reached(head)) {
                return true;
            }
            Platform.sleep(20);
        }
        return false;
    }

    /** The furthest position the directory's segments have reached (for a rebuild cut short). */
    private long position() {
        StreamingEventProcessor processor = platform.processors().get(PROJECTION);
        return processor.processingStatus().values().stream()
                        .mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
    }

    private int averageDocumentBytes() {
        MongoCollection<RawBsonDocument> organizations = platform.mongo().getCollection("organizations")
                                                                 .withDocumentClass(RawBsonDocument.class);
        long total = 0;
        int count = 0;
        for (RawBsonDocument d : organizations.find().limit(2_000)) {
            total += d.getByteBuffer().remaining();
            count++;
        }
        return count == 0 ? 2_000 : (int) (total / count);
    }

    private Map<String, Object> rawReadAndUpsert(int documentBytes, long limit) {
        MongoTemplate mongo = platform.mongo();
        if (mongo.collectionExists(BASELINE_COLLECTION)) {
            mongo.dropCollection(BASELINE_COLLECTION);
        }
        String body = "x".repeat(Math.max(0, documentBytes - 90));
        long rows = 0;
        long bytes = 0;
        long readNanos = 0;
        long upsertNanos = 0;
        long t0 = System.nanoTime();
        try (Connection c = platform.rawConnection()) {
            c.setAutoCommit(false); // lets the driver stream with the fetch size instead of loading the whole table
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT aggregateidentifier, sequencenumber, payload, metadata FROM domainevententry ORDER BY globalindex"
                            + (limit == Long.MAX_VALUE ? "" : " LIMIT " + limit))) {
                s.setFetchSize(BULK);
                long r0 = System.nanoTime();
                try (ResultSet rs = s.executeQuery()) {
                    List<String> ids = new ArrayList<>(BULK);
                    List<Long> versions = new ArrayList<>(BULK);
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                        versions.add(rs.getLong(2));
                        byte[] payload = rs.getBytes(3);
                        byte[] metadata = rs.getBytes(4);
                        bytes += payload.length + (metadata == null ? 0 : metadata.length);
                        rows++;
                        if (ids.size() == BULK) {
                            long u0 = System.nanoTime();
                            readNanos += u0 - r0;
                            upsert(mongo, ids, versions, body);
                            r0 = System.nanoTime();
                            upsertNanos += r0 - u0;
                        }
                    }
                    long u0 = System.nanoTime();
                    readNanos += u0 - r0;
                    if (!ids.isEmpty()) {
                        upsert(mongo, ids, versions, body);
                    }
                    upsertNanos += System.nanoTime() - u0;
                }
            }
            c.commit();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long documents = mongo.getCollection(BASELINE_COLLECTION).countDocuments();
        mongo.dropCollection(BASELINE_COLLECTION);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("events", rows);
        m.put("payloadAndMetadataBytes", bytes);
        m.put("documentBytes", documentBytes);
        m.put("documents", documents);
        m.put("seconds", seconds);
        m.put("readSeconds", readNanos / 1e9);
        m.put("upsertSeconds", upsertNanos / 1e9);
        m.put("eventsPerSecond", rows / seconds);
        if (limit != Long.MAX_VALUE) {
            return m;
        }
        System.out.printf(Locale.ROOT, "  baseline: read %,d events (%,d bytes) in %.1f s and upserted them into %,d documents in %.1f s%n",
                rows, bytes, readNanos / 1e9, documents, upsertNanos / 1e9);
        return m;
    }

    private static void upsert(MongoTemplate mongo, List<String> ids, List<Long> versions, String body) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, BASELINE_COLLECTION);
        for (int i = 0; i < ids.size(); i++) {
            bulk.upsert(Query.query(Criteria.where("_id").is(ids.get(i))),
                    new Update().set("version", versions.get(i)).set("body", body));
        }
        bulk.execute();
        ids.clear();
        versions.clear();
    }
}
