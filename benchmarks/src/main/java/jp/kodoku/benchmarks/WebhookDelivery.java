package jp.kodoku.benchmarks;

import com.sun.net.httpserver.HttpServer;
import jp.kodoku.platform.webhooks.api.IssuedWebhookSecret;
import jp.kodoku.platform.webhooks.api.ReplayWebhookDeliveries;
import jp.kodoku.platform.webhooks.api.SubscribeToWebhooks;
import jp.kodoku.platform.webhooks.WebhooksProperties;
import jp.kodoku.platform.webhooks.api.WebhookReplay;
import jp.kodoku.platform.webhooks.delivery.WebhookSignature;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Webhooks (issue 14): ten subscribers on loopback (the JDK's HTTP server, each checking the signature), each
 * subscribed to members' profile changes.
 * <ol>
 *   <li>latency: after {@value #WARM_UP_SECONDS} s of the same load, not measured (the compiler's first pass over the
 *       delivery path), profile updates by command at {@value #RATE} per second for a while; for each delivery, the
 *       time from the event's {@code time} (stamped when the command's event was applied, just before its commit) to
 *       its arrival at the subscriber: p50 and p99 against the target p99 &lt; 1 s;</li>
 *   <li>saturation: a replay of those events to every subscription enqueues them all at once; deliveries per second
 *       while the workers drain them, against a raw loop in this JVM that signs and POSTs the same bodies to the same
 *       subscribers with as many requests at once as the platform (workers × parallel sends, one thread each),
 *       nothing else (target ≥ 0.5×).</li>
 * </ol>
 * A {@link Sampler} takes the stacks of the webhook threads (workers, senders, the processor writing the rows) in both
 * phases.
 * The platform runs with {@code platform.webhooks.allow-loopback-targets=true}; nothing else differs.
 */
final class WebhookDelivery {

    static final int RATE = 50;
    static final int WARM_UP_SECONDS = 5;
    private static final int SUBSCRIBERS = 10;
    private static final String TYPE = "jp.kodoku.platform.membership.profile.updated";
    private static final Pattern TIME = Pattern.compile("\"time\":\"([^\"]+)\"");

    private static final AtomicLong COUNTER = new AtomicLong(9_000_000);

    private final Platform platform;
    private final Options options;
    private final Results results;

    WebhookDelivery(Platform platform, Options options, Results results) {
        this.platform = platform;
        this.options = options;
        this.results = results;
    }

    /** Starts the platform (loopback allowed), measures, stops it. {@code members}: active members to update. */
    void run(List<String> members) throws Exception {
        platform.startApplication("--platform.webhooks.allow-loopback-targets=true");
        List<Subscriber> subscribers = new ArrayList<>();
        try {
            CommandGateway commands = platform.commands();
            for (int i = 0; i < SUBSCRIBERS; i++) {
                Subscriber subscriber = new Subscriber();
                IssuedWebhookSecret issued = commands.sendAndWait(Organizations.message(new SubscribeToWebhooks(
                        "bench-app-" + i, null, List.of("directory:read"), subscriber.url(), List.of(TYPE))));
                subscriber.secret = issued.secret();
                subscriber.subscriptionId = issued.subscriptionId();
                subscribers.add(subscriber);
            }
            long from = platform.head() + 1;
            offer(commands, members, WARM_UP_SECONDS, new AtomicLong());
            awaitReceived(subscribers, 0);
            latency(commands, members, subscribers);
            saturation(commands, subscribers, from);
        } finally {
            subscribers.forEach(Subscriber::close);
            platform.stopApplication();
        }
    }

    private void latency(CommandGateway commands, List<String> members, List<Subscriber> subscribers) throws Exception {
        long seconds = Math.max(5, options.freshnessWindow().toSeconds());
        long total = RATE * seconds;
        AtomicLong errors = new AtomicLong();
        subscribers.forEach(Subscriber::measure);
        long before = received(subscribers);
        try (Sampler sampler = new Sampler(options.profile(), WebhookDelivery::webhookThread)) {
            offer(commands, members, seconds, errors);
            awaitReceived(subscribers, before + (total - errors.get()) * SUBSCRIBERS);
            sampler.print("webhooks, latency at " + RATE + " events/s", 10);
            results.detail("profile.webhooks.latency", sampler.summary(15));
        }
        long expected = (total - errors.get()) * SUBSCRIBERS;
        Histogram latency = new Histogram(60_000_000L, 3);
        subscribers.forEach(s -> latency.add(s.latency));
        long got = received(subscribers) - before;
        String note = String.format(Locale.ROOT, "%d events/s for %d s to %d subscribers: %d deliveries expected, %d "
                + "received (%d failed signature checks), %d command errors", RATE, seconds, SUBSCRIBERS, expected, got,
                subscribers.stream().mapToLong(s -> s.badSignatures.get()).sum(), errors.get());
        results.ceiling("webhooks.latency.p50", "webhooks: p50, event time → delivered (10 subscribers, 50 events/s)",
                latency.getValueAtPercentile(50) / 1000.0, "ms", null, null, null, note);
        results.ceiling("webhooks.latency.p99", "webhooks: p99, event time → delivered (10 subscribers, 50 events/s)",
                latency.getValueAtPercentile(99) / 1000.0, "ms", null, null, 1000.0, note);
    }

    /** Profile updates by command at {@value #RATE} per second for this long, each to a member in turn. */
    private void offer(CommandGateway commands, List<String> members, long seconds, AtomicLong errors) throws Exception {
        long total = RATE * seconds;
        long period = 1_000_000_000L / RATE;
        ExecutorService writers = Executors.newFixedThreadPool(16, r -> new Thread(r, "bench-webhook-writer"));
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            LoadGenerator.parkUntil(start + i * period);
            String id = members.get((int) (i % members.size()));
            writers.execute(() -> {
                try {
                    commands.sendAndWait(Organizations.message(Organizations.descriptionUpdate(id, COUNTER.incrementAndGet())));
                } catch (Exception e) {
                    if (errors.incrementAndGet() <= 3) {
                        System.out.println("  error: " + e);
                    }
                }
            });
        }
        writers.shutdown();
        writers.awaitTermination(60, TimeUnit.SECONDS);
    }

    /**
     * Until the subscribers received this many in all (at most 60 s), or, with 0, until nothing more arrives for 2 s.
     */
    private static void awaitReceived(List<Subscriber> subscribers, long expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long last = received(subscribers);
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now = received(subscribers);
            if (expected > 0 ? now >= expected : System.nanoTime() - quietSince > TimeUnit.SECONDS.toNanos(2)) {
                return;
            }
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            }
            Platform.sleep(20);
        }
    }

    /** The platform's webhook threads: workers, their senders and the processor that writes the rows. */
    private static boolean webhookThread(String name) {
        return name.startsWith("webhooks-") || name.contains("[webhooks]");
    }

    private void saturation(CommandGateway commands, List<Subscriber> subscribers, long from) throws Exception {
        List<String> bodies = new ArrayList<>(subscribers.get(0).bodies);
        subscribers.forEach(Subscriber::measure);
        long before = received(subscribers);
        long t0 = System.nanoTime();
        long enqueued = 0;
        try (Sampler sampler = new Sampler(options.profile(), WebhookDelivery::webhookThread)) {
            // all at once: each reads the history from its start, and one after the other they took most of a window
            ExecutorService replaying = Executors.newFixedThreadPool(subscribers.size());
            List<java.util.concurrent.Future<WebhookReplay>> replays = new ArrayList<>();
            for (Subscriber subscriber : subscribers) {
                replays.add(replaying.submit(() -> commands.<WebhookReplay>sendAndWait(Organizations.message(
                        new ReplayWebhookDeliveries(subscriber.subscriptionId,
                                "bench-app-" + subscribers.indexOf(subscriber), from, null)))));
            }
            for (java.util.concurrent.Future<WebhookReplay> replay : replays) {
                enqueued += replay.get(300, TimeUnit.SECONDS).events();
            }
            replaying.shutdown();
            long enqueuedAt = System.nanoTime();
            long receivedWhenEnqueued = received(subscribers);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (received(subscribers) - before < enqueued && System.nanoTime() < deadline) {
                Platform.sleep(20);
            }
            double after = (received(subscribers) - receivedWhenEnqueued) / ((lastArrival(subscribers) - enqueuedAt) / 1e9);
            System.out.printf(Locale.ROOT, "  replays enqueued %d rows in %.1f s (%d delivered meanwhile); then %.0f /s%n",
                    enqueued, (enqueuedAt - t0) / 1e9, receivedWhenEnqueued - before, after);
            results.detail("webhooks.saturation.afterEnqueued", after);
            sampler.print("webhooks, saturation", 10);
            results.detail("profile.webhooks.saturation", sampler.summary(15));
        }
        double seconds = (lastArrival(subscribers) - t0) / 1e9;
        double platformRate = (received(subscribers) - before) / seconds;

        WebhooksProperties settings = platform.bean(WebhooksProperties.class);
        int concurrency = settings.workers() * settings.parallelSends();
        // the baseline sends in the rows' order (the replays enqueue one subscriber's events after another's); the
        // same POSTs taken in turn across the subscribers, which spreads them over all their threads, for comparison
        double rawRate = rawLoop(subscribers, bodies, enqueued, concurrency, false);
        double rawAcross = rawLoop(subscribers, bodies, enqueued, concurrency, true);
        results.detail("webhooks.saturation.rawAcrossSubscribers", rawAcross);
        System.out.printf(Locale.ROOT, "  raw loop, the same POSTs in turn across the subscribers: %.0f /s%n", rawAcross);
        results.rate("webhooks.saturation", "webhooks: deliveries/s draining a replay (" + settings.workers()
                + " workers × " + settings.parallelSends() + ")", platformRate, "/s",
                rawRate, "signed POST loop, " + concurrency + " at once, same bodies and subscribers", 0.5,
                String.format(Locale.ROOT, "%d deliveries enqueued by %d replays (the replays' reading of the history "
                        + "counted in the time)", enqueued, subscribers.size()));
    }

    /**
     * The same number of signed POSTs of the same bodies to the same subscribers, as many at once as the platform
     * sends (one thread each, waiting for its answer, as the platform's senders do), and nothing else: no database, no
     * queue. In the order the replays enqueued them (one subscriber's, then the next one's), or {@code across} the
     * subscribers in turn.
     */
    private double rawLoop(List<Subscriber> subscribers, List<String> bodies, long count, int concurrency,
                           boolean across) throws Exception {
        long perSubscriber = Math.max(1, count / subscribers.size());
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                                    .version(HttpClient.Version.HTTP_1_1).build();
        AtomicLong next = new AtomicLong();
        long before = received(subscribers);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long t0 = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            pool.execute(() -> {
                for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    int to = (int) (across ? i % subscribers.size() : Math.min(subscribers.size() - 1, i / perSubscriber));
                    Subscriber subscriber = subscribers.get(to);
                    long nth = across ? i / subscribers.size() : i % perSubscriber;
                    String body = bodies.get((int) (nth % bodies.size()));
                    String id = "raw-" + i;
                    long now = Instant.now().getEpochSecond();
                    try {
                        http.send(HttpRequest.newBuilder(URI.create(subscriber.url()))
                                .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                                .header("webhook-id", id).header("webhook-timestamp", Long.toString(now))
                                .header("webhook-signature", WebhookSignature.header(List.of(subscriber.secret), id, now, body))
                                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                                HttpResponse.BodyHandlers.discarding());
                    } catch (IOException e) {
                        System.out.println("  raw POST failed: " + e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(300, TimeUnit.SECONDS);
        return (received(subscribers) - before) / ((System.nanoTime() - t0) / 1e9);
    }

    private static long received(List<Subscriber> subscribers) {
        return subscribers.stream().mapToLong(s -> s.received.get()).sum();
    }

    private static long lastArrival(List<Subscriber> subscribers) {
        return subscribers.stream().mapToLong(s -> s.lastArrival.get()).max().orElse(System.nanoTime());
    }

    /** A subscriber on loopback: checks each signature, keeps the latency of each delivery and its body. */
    private static final class Subscriber implements AutoCloseable {

        final HttpServer server;
        final AtomicLong received = new AtomicLong();
        final AtomicLong badSignatures = new AtomicLong();
        final AtomicLong lastArrival = new AtomicLong();
        final List<String> bodies = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile Histogram latency = new ConcurrentHistogram(60_000_000L, 3);
        volatile String secret;
        volatile String subscriptionId;

        Subscriber() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread thread = new Thread(r, "bench-webhook-subscriber");
                thread.setDaemon(true);
                return thread;
            }));
            server.createContext("/hook", exchange -> {
                byte[] raw = exchange.getRequestBody().readAllBytes();
                long arrived = System.currentTimeMillis();
                String body = new String(raw, StandardCharsets.UTF_8);
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                long timestamp = Long.parseLong(exchange.getRequestHeaders().getFirst("webhook-timestamp"));
                String expected = "v1," + WebhookSignature.sign(secret, id, timestamp, body);
                if (!List.of(exchange.getRequestHeaders().getFirst("webhook-signature").split(" ")).contains(expected)) {
                    badSignatures.incrementAndGet();
                }
                Matcher time = TIME.matcher(body);
                if (time.find() && !id.startsWith("raw-")) {
                    latency.recordValue(Math.max(0, Math.min(60_000_000L,
                            (arrived - Instant.parse(time.group(1)).toEpochMilli()) * 1000)));
                    bodies.add(body);
                }
                received.incrementAndGet();
                lastArrival.set(System.nanoTime());
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        void measure() {
            latency = new ConcurrentHistogram(60_000_000L, 3);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /**
     * Only this benchmark, on fresh infrastructure with the members made first: {@code bin/benchmark}'s classpath
     * with this class as the main class (see docs/performance.md).
     */
    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Options options = Options.fromSystemProperties();
        java.nio.file.Files.createDirectories(options.work());
        Results results = new Results(Map.<String, Object>of("only", "webhooks"));
        Platform platform = Platform.infrastructure(options.work(), options.platformArguments());
        int status = 0;
        try {
            platform.startApplication();
            WritePath write = new WritePath(platform, options, results);
            try {
                write.createMembers();
            } finally {
                platform.stopApplication();
            }
            new WebhookDelivery(platform, options, results).run(write.members());
        } catch (Throwable e) {
            status = 1;
            e.printStackTrace(System.out);
        } finally {
            results.print(System.out);
        }
        System.exit(status);
    }
}
