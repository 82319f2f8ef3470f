package jp.kodoku.benchmarks;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The public activity feed as a feed reader asks for it, {@code GET /api/v1/feed.atom} (no token, no conditional
 * request: every answer is the whole file), at saturation against the bare endpoint of {@link BenchEndpoints} in the
 * same application and run (issue 14: ≥ 0.4 × bare). The feed holds the newest 50 public entries of the activity
 * read model, which the synthetic history fills with one approval per organization.
 */
final class ActivityFeedRead {

    private final Platform platform;
    private final Options options;
    private final Results results;
    private final LoadGenerator load = new LoadGenerator();

    ActivityFeedRead(Platform platform, Options options, Results results) {
        this.platform = platform;
        this.options = options;
        this.results = results;
    }

    void run(String label) throws Exception {
        String base = "http://127.0.0.1:" + platform.port();
        Duration timeout = Duration.ofSeconds(30);
        URI bare = URI.create(base + BenchEndpoints.BARE);
        URI atom = URI.create(base + "/api/v1/feed.atom");
        LongFunction<HttpRequest> bareRequests = i -> HttpRequest.newBuilder(bare).timeout(timeout).GET().build();
        LongFunction<HttpRequest> feedRequests = i -> HttpRequest.newBuilder(atom).timeout(timeout).GET().build();

        String file = load.body(feedRequests.apply(0));
        int entries = file.split("<entry>", -1).length - 1;
        long stored = platform.mongo().getCollection("activity_entries").countDocuments();
        if (entries == 0) {
            throw new IllegalStateException("the public Atom feed holds no entry: " + file.substring(0, Math.min(500, file.length())));
        }
        System.out.printf(Locale.ROOT, "  activity feed @%s: %,d entries stored; the public Atom file holds %d (%,d bytes)%n",
                label, stored, entries, file.length());

        long maxRequests = 2_000_000;
        int clients = options.readClients();
        LoadGenerator.Outcome bareSaturated = load.closedLoop("bare", bareRequests, clients, options.readWarmup(),
                options.readWindow(), maxRequests);
        LoadGenerator.Outcome feedSaturated = load.closedLoop("feed.atom", feedRequests, clients, options.readWarmup(),
                options.readWindow(), maxRequests);

        String at = " @" + label;
        results.rate("activity." + label + ".atom.saturation", "activity" + at + ": public Atom feed, saturation",
                feedSaturated.rate(), "req/s", bareSaturated.rate(), "bare endpoint, same app, same load generator", 0.4,
                String.format(Locale.ROOT, "%d clients; %d entries of %,d stored; errors: feed %d, bare %d", clients,
                        entries, stored, feedSaturated.errors(), bareSaturated.errors()));
        results.ceiling("activity." + label + ".atom.saturation.p99", "activity" + at + ": public Atom feed p99 at saturation",
                feedSaturated.p99(), "ms", bareSaturated.p99(), "bare endpoint p99 at its saturation", null, null);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("entriesStored", stored);
        detail.put("entriesInFile", entries);
        detail.put("fileBytes", file.length());
        detail.put("feedSaturation", feedSaturated.asMap());
        detail.put("bareSaturation", bareSaturated.asMap());
        results.detail("activity." + label, detail);
    }
}
