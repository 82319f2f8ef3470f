package jp.kodoku.benchmarks;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Read path: {@code GET /api/v1/directory?q=…&limit=20} through the REST API with a valid JWT from Keycloak (the
 * endpoint is public, but a token that is sent is checked: signature, issuer, audience, expiry), against the bare
 * endpoint of {@link BenchEndpoints} in the same application. Both at saturation (closed loop) and at a fixed rate of
 * half the saturation rate each found (open loop). Then the directory search page, {@code GET /directory?q=…}, the
 * whole HTML page a visitor gets (no session), the same way (issue 10: ≥ 0.3 × bare, p99 < 100 ms at half).
 */
final class ReadPath {

    private final Platform platform;
    private final Options options;
    private final Results results;
    private final LoadGenerator load = new LoadGenerator();

    ReadPath(Platform platform, Options options, Results results) {
        this.platform = platform;
        this.options = options;
        this.results = results;
    }

    void run(String label) throws Exception {
        String base = "http://127.0.0.1:" + platform.port();
        String token = platform.keycloak.passwordToken("jimukyoku", "jimukyoku-demo");
        URI bare = URI.create(base + BenchEndpoints.BARE);
        URI[] searches = new URI[Organizations.QUERIES.length];
        for (int i = 0; i < searches.length; i++) {
            searches[i] = URI.create(base + "/api/v1/directory?q="
                    + URLEncoder.encode(Organizations.QUERIES[i], StandardCharsets.UTF_8) + "&limit=20");
        }
        Duration timeout = Duration.ofSeconds(30);
        LongFunction<HttpRequest> bareRequests = i -> HttpRequest.newBuilder(bare).timeout(timeout).GET().build();
        LongFunction<HttpRequest> apiRequests = i -> HttpRequest.newBuilder(searches[(int) (i % searches.length)])
                                                                 .timeout(timeout)
                                                                 .header("Authorization", "Bearer " + token).GET().build();
        checkEndpoints(label, bareRequests, apiRequests, searches[0]);

        long maxRequests = 2_000_000;
        int clients = options.readClients();
        LoadGenerator.Outcome bareSaturated;
        LoadGenerator.Outcome apiSaturated;
        LoadGenerator.Outcome bareHalf;
        LoadGenerator.Outcome apiHalf;
        bareSaturated = load.closedLoop("bare", bareRequests, clients, options.readWarmup(), options.readWindow(), maxRequests);
        try (Sampler sampler = new Sampler(options.profile(), n -> n.startsWith("http-nio"))) {
            apiSaturated = load.closedLoop("directory", apiRequests, clients, options.readWarmup(), options.readWindow(), maxRequests);
            sampler.print("directory search at saturation (" + label + ")", 8);
            results.detail("profile.read." + label, sampler.summary(15));
        }
        bareHalf = load.openLoop("bare", bareRequests, bareSaturated.rate() / 2, openWindow(bareSaturated.rate() / 2));
        double apiRate = Math.max(1, apiSaturated.rate() / 2);
        apiHalf = load.openLoop("directory", apiRequests, apiRate, openWindow(apiRate));

        String at = " @" + label;
        String errors = String.format(Locale.ROOT, "%d clients; errors: directory %d/%d, bare %d/%d", clients,
                apiSaturated.errors(), apiHalf.errors(), bareSaturated.errors(), bareHalf.errors());
        results.rate("read." + label + ".saturation", "read" + at + ": directory search, saturation", apiSaturated.rate(), "req/s",
                bareSaturated.rate(), "bare endpoint, same app, same load generator", 0.4, errors);
        results.ceiling("read." + label + ".saturation.p50", "read" + at + ": p50 at saturation", apiSaturated.p50(), "ms",
                bareSaturated.p50(), "bare endpoint p50 at its saturation", null, null);
        results.ceiling("read." + label + ".saturation.p99", "read" + at + ": p99 at saturation", apiSaturated.p99(), "ms",
                bareSaturated.p99(), "bare endpoint p99 at its saturation", null, null);
        results.ceiling("read." + label + ".half.p50", "read" + at + ": p50 at half saturation", apiHalf.p50(), "ms",
                bareHalf.p50(), "bare endpoint p50 at half its saturation", null,
                String.format(Locale.ROOT, "%.0f req/s scheduled (directory), %.0f req/s (bare)", apiHalf.targetRate(), bareHalf.targetRate()));
        results.ceiling("read." + label + ".half.p99", "read" + at + ": p99 at half saturation", apiHalf.p99(), "ms",
                bareHalf.p99(), "bare endpoint p99 at half its saturation", 50.0,
                String.format(Locale.ROOT, "%d requests (directory) in the window", apiHalf.requests()));
        // The directory search page (issue 10): the same search rendered as the whole HTML page for a visitor
        URI[] pages = new URI[Organizations.QUERIES.length];
        for (int i = 0; i < pages.length; i++) {
            pages[i] = URI.create(base + "/directory?q=" + URLEncoder.encode(Organizations.QUERIES[i], StandardCharsets.UTF_8));
        }
        LongFunction<HttpRequest> pageRequests = i -> HttpRequest.newBuilder(pages[(int) (i % pages.length)])
                                                                  .timeout(timeout).GET().build();
        String html = load.body(pageRequests.apply(0));
        if (!html.contains("id=\"results\"")) {
            throw new IllegalStateException("the directory search page has no results section: " + html.substring(0, Math.min(500, html.length())));
        }
        System.out.printf(Locale.ROOT, "  directory page @%s: %,d characters of HTML for the first search%n", label,
                html.length());
        LoadGenerator.Outcome pageSaturated;
        try (Sampler sampler = new Sampler(options.profile(), n -> n.startsWith("http-nio"))) {
            pageSaturated = load.closedLoop("page", pageRequests, clients, options.readWarmup(), options.readWindow(),
                    maxRequests);
            sampler.print("directory search page at saturation (" + label + ")", 8);
            results.detail("profile.read.page." + label, sampler.summary(15));
        }
        double pageRate = Math.max(1, pageSaturated.rate() / 2);
        LoadGenerator.Outcome pageHalf = load.openLoop("page", pageRequests, pageRate, openWindow(pageRate));
        results.rate("read." + label + ".page.saturation", "read" + at + ": directory search page (HTML), saturation",
                pageSaturated.rate(), "req/s", bareSaturated.rate(), "bare endpoint, same app, same load generator", 0.3,
                String.format(Locale.ROOT, "errors: page %d/%d", pageSaturated.errors(), pageHalf.errors()));
        results.ceiling("read." + label + ".page.half.p99", "read" + at + ": page p99 at half saturation", pageHalf.p99(),
                "ms", bareHalf.p99(), "bare endpoint p99 at half its saturation", 100.0,
                String.format(Locale.ROOT, "%.0f req/s scheduled, %d requests in the window", pageHalf.targetRate(),
                        pageHalf.requests()));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("pageSaturation", pageSaturated.asMap());
        detail.put("pageHalf", pageHalf.asMap());
        detail.put("directorySaturation", apiSaturated.asMap());
        detail.put("bareSaturation", bareSaturated.asMap());
        detail.put("directoryHalf", apiHalf.asMap());
        detail.put("bareHalf", bareHalf.asMap());
        results.detail("read." + label, detail);
    }

    /** Long enough for a p99 that is not just the maximum of a few requests: 150 of them, but at most 25 s. */
    private Duration openWindow(double rate) {
        Duration needed = Duration.ofMillis(Math.round(Math.min(150 / rate, 25) * 1000));
        return needed.compareTo(options.readWindow()) > 0 ? needed : options.readWindow();
    }

    private void checkEndpoints(String label, LongFunction<HttpRequest> bare, LongFunction<HttpRequest> api, URI search)
            throws Exception {
        load.body(bare.apply(0));
        String page = load.body(api.apply(0));
        long active = platform.mongo().count(Query.query(Criteria.where("status").is("ACTIVE")), "organizations");
        long documents = platform.mongo().getCollection("organizations").countDocuments();
        int items = page.split("\"memberNumber\"", -1).length - 1;
        // the JWT is really checked on this public endpoint: a spoiled one is refused
        int spoiled = load.send(HttpRequest.newBuilder(search).header("Authorization", "Bearer x.y.z").GET().build());
        System.out.printf(Locale.ROOT, "  directory @%s: %,d documents (%,d active); first search returns %d items; spoiled token → %d%n",
                label, documents, active, items, spoiled);
        results.detail("read." + label + ".data", Map.of("documents", documents, "active", active,
                "itemsOfFirstSearch", items, "spoiledTokenStatus", spoiled));
    }
}
