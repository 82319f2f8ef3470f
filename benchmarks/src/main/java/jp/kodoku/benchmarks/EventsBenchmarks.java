package jp.kodoku.benchmarks;

import jp.kodoku.platform.events.api.CancelMemberRegistration;
import jp.kodoku.platform.events.api.EventDetails;
import jp.kodoku.platform.events.api.EventId;
import jp.kodoku.platform.events.api.EventKind;
import jp.kodoku.platform.events.api.PublishEvent;
import jp.kodoku.platform.events.api.RegisterMember;
import jp.kodoku.platform.events.api.RegistrationId;
import jp.kodoku.platform.events.api.RegistrationSettings;
import jp.kodoku.platform.events.api.Schedule;
import jp.kodoku.platform.events.api.ScheduleEvent;
import jp.kodoku.platform.events.api.Venue;
import jp.kodoku.platform.events.api.Visibility;
import jp.kodoku.platform.membership.api.ApproveMembershipApplication;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.membership.api.SubmitMembershipApplication;
import jp.kodoku.platform.subcommittees.api.CreateSubcommittee;
import jp.kodoku.platform.subcommittees.api.MeetingId;
import jp.kodoku.platform.subcommittees.api.ScheduleMeeting;
import jp.kodoku.platform.subcommittees.api.SubcommitteeId;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * The events portal's figures (issue 12) and the subcommittee calendar feed (issue 11):
 * <ol>
 *   <li>registrations per second on one event (capacity 100, then the waitlist), commands through Axon's gateway from
 *   the write path's clients, against the write path's baseline measured here in the same run: raw JDBC insert+commit
 *   of a copy of the registration's own event row, same threads;</li>
 *   <li>the time from a cancellation's acknowledgement to the promotion it causes being visible in the promoted
 *   registrant's view ({@code GET /api/v1/organizations/{id}/event-registrations}), p99 &lt; 1 s;</li>
 *   <li>the calendar feeds against the bare endpoint ({@link BenchEndpoints}): a subcommittee's members' feed (3
 *   subcommittees × 200 meetings, behind a personal feed token) and the events feed ({@code /api/v1/events.ics}, 200
 *   events), at saturation (≥ 0.4×) and at half saturation (p99 &lt; 50 ms), measured as {@link ReadPath} does, each
 *   against the bare endpoint measured just before it. Every request takes the whole body (no If-None-Match): a
 *   calendar app's 304 would cost less.</li>
 * </ol>
 * In the full run after the write path; alone with {@code -Dbench.events.only=true}.
 */
final class EventsBenchmarks {

    private static final String RAW_TABLE = "bench_raw_registrations";
    static final int SUBCOMMITTEES = 3;
    static final int MEETINGS_PER_SUBCOMMITTEE = 200;
    static final int EVENTS = 200;
    private static final int PROMOTIONS = 100;

    private final Platform platform;
    private final Options options;
    private final Results results;
    private final LoadGenerator load = new LoadGenerator();
    private final HttpClient http = HttpClient.newHttpClient();

    EventsBenchmarks(Platform platform, Options options, Results results) {
        this.platform = platform;
        this.options = options;
        this.results = results;
    }

    /** {@code -Dbench.events.only=true}: only these figures, on the platform started here. */
    static boolean alone() {
        return Boolean.getBoolean("bench.events.only");
    }

    static void runAlone(Platform platform, Options options, Results results) throws Exception {
        results.note("EVENTS PORTAL ONLY (bench.events.only): registrations, promotions, calendar feeds");
        platform.startApplication();
        try {
            new EventsBenchmarks(platform, options, results).run();
        } finally {
            platform.stopApplication();
        }
    }

    void run() throws Exception {
        System.out.println("  events portal: registrations on one event");
        registrations();
        System.out.println("  events portal: cancellation to promotion");
        promotions();
        System.out.println("  events portal: calendar feeds");
        feeds();
    }

    // ---- 1. registrations per second on one event ---------------------------------------------------------------------

    private void registrations() throws Exception {
        CommandGateway gateway = platform.commands();
        int clients = options.writeClients();
        EventId event = publishedEvent(100, LocalDate.now(Schedule.JAPAN).plusMonths(2), Visibility.MEMBERS_ONLY);
        OrganizationId organization = OrganizationId.random();
        Run commands = closedLoop(clients, (client, i) -> gateway.sendAndWait(Organizations.message(
                new RegisterMember(event, RegistrationId.random(), organization, "bench-admin", 1, null))));
        createRawTable();
        byte[][] row = lastRow(event.value());
        Run raw;
        try (RawInserts inserts = new RawInserts(clients, row)) {
            raw = closedLoop(clients, inserts::insert);
        }
        results.rate("events.registrations.c" + clients, "events: registrations on one event, " + clients + " clients",
                commands.rate(), "ops/s", raw.rate(), "write path's baseline: raw JDBC insert+commit of the "
                        + (row[0].length + row[1].length) + "-byte registration row, same threads", null,
                String.format(Locale.ROOT, "one aggregate: every registration waits for the one before (capacity 100, "
                                + "then the waitlist); command p50 %.1f ms, p99 %.1f ms; %d errors",
                        commands.p50(), commands.p99(), commands.errors()));
        results.detail("events.registrations", Map.of("commands", commands.asMap(), "rawInserts", raw.asMap()));
    }

    // ---- 2. cancellation to promotion in the registrant's view ------------------------------------------------------

    private void promotions() throws Exception {
        CommandGateway gateway = platform.commands();
        int capacity = PROMOTIONS;
        EventId event = publishedEvent(capacity, LocalDate.now(Schedule.JAPAN).plusMonths(3), Visibility.MEMBERS_ONLY);
        OrganizationId holder = OrganizationId.random();
        List<RegistrationId> confirmed = new ArrayList<>();
        for (int i = 0; i < capacity; i++) {
            RegistrationId id = RegistrationId.random();
            gateway.sendAndWait(Organizations.message(new RegisterMember(event, id, holder, "bench-admin", 1, null)));
            confirmed.add(id);
        }
        List<OrganizationId> waiting = new ArrayList<>();
        for (int i = 0; i < PROMOTIONS; i++) {
            OrganizationId organization = OrganizationId.random();
            gateway.sendAndWait(Organizations.message(new RegisterMember(event, RegistrationId.random(), organization,
                    "bench-admin", 1, null)));
            waiting.add(organization);
        }
        platform.awaitProjections(options.catchUpTimeout());
        String token = secretariatToken();
        Histogram latency = new Histogram(60_000_000L, 3);
        long slowest = 0;
        for (int i = 0; i < PROMOTIONS; i++) {
            gateway.sendAndWait(Organizations.message(new CancelMemberRegistration(event, confirmed.get(i), holder)));
            long acknowledged = System.nanoTime();
            URI view = URI.create(base() + "/api/v1/organizations/" + waiting.get(i).value() + "/event-registrations");
            HttpRequest read = HttpRequest.newBuilder(view).header("Authorization", "Bearer " + token).GET().build();
            while (!load.body(read).contains("\"CONFIRMED\"")) {
                if (System.nanoTime() - acknowledged > Duration.ofSeconds(30).toNanos()) {
                    throw new IllegalStateException("promotion " + i + " not visible after 30 s");
                }
                Thread.onSpinWait();
            }
            long micros = (System.nanoTime() - acknowledged) / 1000;
            latency.recordValue(micros);
            slowest = Math.max(slowest, micros);
        }
        results.ceiling("events.promotion.p99", "events: cancellation acknowledged → promotion in the registrant's view, p99",
                latency.getValueAtPercentile(99) / 1000.0, "ms", null, null, 1000.0,
                String.format(Locale.ROOT, "%d promotions, one after another; p50 %.1f ms, max %.1f ms", PROMOTIONS,
                        latency.getValueAtPercentile(50) / 1000.0, slowest / 1000.0));
        results.detail("events.promotion", Map.of("promotions", PROMOTIONS, "p50Ms", latency.getValueAtPercentile(50) / 1000.0,
                "p99Ms", latency.getValueAtPercentile(99) / 1000.0, "maxMs", slowest / 1000.0));
    }

    // ---- 3. calendar feeds -------------------------------------------------------------------------------------------

    private void feeds() throws Exception {
        CommandGateway gateway = platform.commands();
        LocalDate today = LocalDate.now(Schedule.JAPAN);
        List<String> subcommittees = new ArrayList<>();
        for (int s = 0; s < SUBCOMMITTEES; s++) {
            SubmitMembershipApplication lead = Organizations.application(Organizations.next());
            gateway.sendAndWait(Organizations.message(lead));
            gateway.sendAndWait(Organizations.message(new ApproveMembershipApplication(lead.organizationId(), null,
                    LocalDate.of(2024, 4, 1))));
            int number = 700 + s;
            SubcommitteeId id = SubcommitteeId.ofNumber(number);
            gateway.sendAndWait(Organizations.message(new CreateSubcommittee(id, number, "ベンチ分科会" + number,
                    "予定表の配信", List.of(lead.organizationId()))));
            for (int m = 0; m < MEETINGS_PER_SUBCOMMITTEE; m++) {
                boolean wholeDay = m % 10 == 0;
                gateway.sendAndWait(Organizations.message(new ScheduleMeeting(new MeetingId(UUID.randomUUID().toString()),
                        id, "第" + (m + 1) + "回会合", today.plusDays(1 + m), wholeDay ? null : LocalTime.of(14, 0),
                        wholeDay ? null : LocalTime.of(16, 0), null)));
            }
            subcommittees.add(id.value());
        }
        for (int e = 0; e < EVENTS; e++) {
            publishedEvent(null, today.plusDays(1 + e), Visibility.PUBLIC);
        }
        if (!platform.awaitProjections(options.catchUpTimeout())) {
            results.note("calendar feeds: projections had not caught up after the meetings and events were made");
        }
        String membersFeed = feedTokenUrl(subcommittees.get(0));
        URI eventsFeed = URI.create(base() + "/api/v1/events.ics");
        URI bare = URI.create(base() + BenchEndpoints.BARE);
        Duration timeout = Duration.ofSeconds(30);
        LongFunction<HttpRequest> bareRequests = i -> HttpRequest.newBuilder(bare).timeout(timeout).GET().build();
        LongFunction<HttpRequest> meetingRequests = i -> HttpRequest.newBuilder(URI.create(membersFeed)).timeout(timeout).GET().build();
        LongFunction<HttpRequest> eventRequests = i -> HttpRequest.newBuilder(eventsFeed).timeout(timeout).GET().build();
        int meetings = count(load.body(meetingRequests.apply(0)));
        int events = count(load.body(eventRequests.apply(0)));
        System.out.printf(Locale.ROOT, "  members' feed of %s: %d entries; events feed: %d entries%n",
                subcommittees.get(0), meetings, events);
        if (meetings != MEETINGS_PER_SUBCOMMITTEE || events < EVENTS) {
            throw new IllegalStateException("the feeds do not hold what was made: " + meetings + " meetings, " + events + " events");
        }
        int clients = options.readClients();
        long max = 2_000_000;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("entries", Map.of("subcommitteeFeed", meetings, "eventsFeed", events));
        feed("events.feed.subcommittee", "subcommittee members' feed (200 meetings, token URL)", meetingRequests,
                bareRequests, clients, max, detail);
        feed("events.feed.events", "events feed /api/v1/events.ics (" + events + " events)", eventRequests,
                bareRequests, clients, max, detail);
        results.detail("events.feeds", detail);
    }

    /**
     * One feed against the bare endpoint measured just before it: on a shared machine whose load drifts, a baseline
     * taken minutes earlier says more about the drift than about the feed.
     */
    private void feed(String id, String name, LongFunction<HttpRequest> requests, LongFunction<HttpRequest> bareRequests,
                      int clients, long max, Map<String, Object> detail) throws Exception {
        LoadGenerator.Outcome bareSaturated = load.closedLoop("bare", bareRequests, clients, options.readWarmup(),
                options.readWindow(), max);
        LoadGenerator.Outcome bareHalf = load.openLoop("bare", bareRequests, bareSaturated.rate() / 2,
                openWindow(bareSaturated.rate() / 2));
        detail.put(id + ".bareSaturation", bareSaturated.asMap());
        detail.put(id + ".bareHalf", bareHalf.asMap());
        LoadGenerator.Outcome saturated = load.closedLoop(id, requests, clients, options.readWarmup(), options.readWindow(), max);
        double rate = Math.max(1, saturated.rate() / 2);
        LoadGenerator.Outcome half = load.openLoop(id, requests, rate, openWindow(rate));
        results.rate(id + ".saturation", "calendar: " + name + ", saturation", saturated.rate(), "req/s",
                bareSaturated.rate(), "bare endpoint just before, same app, same load generator", 0.4,
                String.format(Locale.ROOT, "%d clients; errors %d/%d", clients, saturated.errors(), half.errors()));
        results.ceiling(id + ".half.p99", "calendar: " + name + ", p99 at half saturation", half.p99(), "ms",
                bareHalf.p99(), "bare endpoint just before, p99 at half its saturation", 50.0,
                String.format(Locale.ROOT, "%.0f req/s scheduled, %d requests; p50 %.1f ms", half.targetRate(),
                        half.requests(), half.p50()));
        detail.put(id + ".saturation", saturated.asMap());
        detail.put(id + ".half", half.asMap());
    }

    /** Long enough for a p99 that is not just the maximum of a few requests (as {@link ReadPath}). */
    private Duration openWindow(double rate) {
        Duration needed = Duration.ofMillis(Math.round(Math.min(150 / rate, 25) * 1000));
        return needed.compareTo(options.readWindow()) > 0 ? needed : options.readWindow();
    }

    private static int count(String ics) {
        return ics.split("BEGIN:VEVENT", -1).length - 1;
    }

    /** The secretariat's personal feed token of one subcommittee's meetings: the URL a calendar app polls. */
    private String feedTokenUrl(String subcommittee) throws Exception {
        HttpRequest issue = HttpRequest.newBuilder(URI.create(base() + "/api/v1/feed-tokens"))
                                       .header("Authorization", "Bearer " + secretariatToken())
                                       .header("Content-Type", "application/json")
                                       .POST(HttpRequest.BodyPublishers.ofString("{\"feed\":\"subcommittee-meetings\","
                                               + "\"scope\":\"" + subcommittee + "\",\"label\":\"benchmark\"}")).build();
        HttpResponse<String> issued = http.send(issue, HttpResponse.BodyHandlers.ofString());
        if (issued.statusCode() != 201) {
            throw new IllegalStateException("no feed token: " + issued.statusCode() + " " + issued.body());
        }
        String url = issued.body().replaceAll("(?s).*\"url\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        return base() + URI.create(url).getPath();
    }

    // ---- shared --------------------------------------------------------------------------------------------------

    private EventId publishedEvent(Integer capacity, LocalDate day, Visibility visibility) {
        EventId id = EventId.random();
        RegistrationSettings registration = new RegistrationSettings(capacity,
                LocalDateTime.now(Schedule.JAPAN).minusDays(1).withSecond(0).withNano(0), null, 3, null, null);
        EventDetails details = new EventDetails(EventKind.WORKSHOP, "現場課題ワークショップ（ベンチマーク）",
                "予定表と申込みの計測用", null, null, true, List.of(),
                new Schedule(day, LocalTime.of(13, 30), day, LocalTime.of(16, 30)),
                new Venue("中央合同庁舎8号館 講堂", "東京都千代田区永田町1-6-1", "13"), null, visibility, registration);
        CommandGateway gateway = platform.commands();
        gateway.sendAndWait(Organizations.message(new ScheduleEvent(id, details)));
        gateway.sendAndWait(Organizations.message(new PublishEvent(id, null)));
        return id;
    }

    private String base() {
        return "http://127.0.0.1:" + platform.port();
    }

    private String secretariatToken() {
        return platform.keycloak.passwordToken("jimukyoku", "jimukyoku-demo");
    }

    private void createRawTable() throws Exception {
        try (Connection c = platform.rawConnection()) {
            c.createStatement().execute("CREATE TABLE IF NOT EXISTS " + RAW_TABLE + " (LIKE domainevententry INCLUDING ALL)");
        }
    }

    /** The payload and metadata bytes of the event's last stored event: a registration's row. */
    private byte[][] lastRow(String aggregate) throws Exception {
        try (Connection c = platform.rawConnection();
             PreparedStatement q = c.prepareStatement("SELECT payload, metadata FROM domainevententry WHERE "
                     + "aggregateidentifier = ? ORDER BY sequencenumber DESC LIMIT 1")) {
            q.setString(1, aggregate);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return new byte[][]{rs.getBytes(1), rs.getBytes(2)};
            }
        }
    }

    /** One connection per client, each insert its own committed transaction, of copies of one row. */
    private final class RawInserts implements AutoCloseable {
        private final List<Connection> connections = new ArrayList<>();
        private final List<PreparedStatement> statements = new ArrayList<>();
        private final byte[][] row;

        RawInserts(int clients, byte[][] row) throws Exception {
            this.row = row;
            for (int c = 0; c < clients; c++) {
                Connection connection = platform.rawConnection();
                connection.setAutoCommit(true);
                connections.add(connection);
                statements.add(connection.prepareStatement("INSERT INTO " + RAW_TABLE + " (eventidentifier, "
                        + "aggregateidentifier, sequencenumber, type, timestamp, payloadtype, payload, metadata) "
                        + "VALUES (?, ?, 0, 'PortalEvent', ?, 'jp.kodoku.platform.events.api.RegistrationWaitlisted', ?, ?)"));
            }
        }

        void insert(int client, long i) throws Exception {
            PreparedStatement insert = statements.get(client);
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, UUID.randomUUID().toString());
            insert.setString(3, java.time.Instant.now().toString());
            insert.setBytes(4, row[0]);
            insert.setBytes(5, row[1]);
            insert.executeUpdate();
        }

        @Override
        public void close() throws Exception {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    interface Operation {
        void run(int client, long i) throws Exception;
    }

    record Run(long operations, double seconds, long errors, Histogram latency) {
        double rate() {
            return operations / seconds;
        }

        double p50() {
            return latency.getValueAtPercentile(50) / 1000.0;
        }

        double p99() {
            return latency.getValueAtPercentile(99) / 1000.0;
        }

        Map<String, Object> asMap() {
            return Map.of("operations", operations, "seconds", seconds, "perSecond", rate(), "errors", errors,
                    "p50Ms", p50(), "p99Ms", p99());
        }
    }

    /** Clients in a closed loop: the write path's warm-up, then its window; only what completes in the window counts. */
    private Run closedLoop(int clients, Operation operation) throws Exception {
        Histogram latency = new ConcurrentHistogram(60_000_000L, 3);
        AtomicLong errors = new AtomicLong();
        AtomicLong done = new AtomicLong();
        long measureFrom = System.nanoTime() + options.writeWarmup().toNanos();
        long measureTo = measureFrom + options.writeWindow().toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients, r -> new Thread(r, "bench-registrant"));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> {
                    for (long i = 0; ; i++) {
                        long t0 = System.nanoTime();
                        if (t0 >= measureTo) {
                            return null;
                        }
                        try {
                            operation.run(client, i);
                        } catch (Exception e) {
                            if (t0 >= measureFrom && errors.incrementAndGet() <= 3) {
                                System.out.println("  error: " + e);
                            }
                            continue;
                        }
                        long t1 = System.nanoTime();
                        if (t0 >= measureFrom && t1 <= measureTo) {
                            done.incrementAndGet();
                            latency.recordValue(Math.min((t1 - t0) / 1000, 60_000_000L));
                        }
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Run(done.get(), options.writeWindow().toNanos() / 1e9, errors.get(), latency);
    }
}
