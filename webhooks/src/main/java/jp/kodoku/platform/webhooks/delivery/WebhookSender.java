package jp.kodoku.platform.webhooks.delivery;

import jp.kodoku.platform.webhooks.TargetAddresses;
import jp.kodoku.platform.webhooks.WebhooksProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends one signed delivery with the JDK's HTTP client: redirects are not followed (a 3xx is a failure: the target
 * could otherwise lead the platform anywhere), connect and request timeouts, the target's name resolved and checked
 * just before ({@link TargetAddresses}), and of the answer only the first {@value #EXCERPT} characters are read.
 *
 * <p>Left open: the client resolves the name once more when it connects, so a name whose answer changes within that
 * moment (DNS rebinding) could slip through; Java 17 has no resolver to pin the checked address (ADR 0032).
 */
@Component
class WebhookSender implements DisposableBean {

    static final int EXCERPT = 200;
    private static final String USER_AGENT = "kodoku-platform-webhooks/1";

    private final WebhooksProperties properties;
    /** One client for every delivery: HTTP/1.1 connections kept alive per receiver between deliveries. */
    private final HttpClient http;
    /**
     * As many threads as rows the workers send at once, each waiting for its answer ({@link HttpClient#send}). Not
     * {@code sendAsync}: it hands every answer on to {@code CompletableFuture}'s default executor, which on a machine
     * with two cores starts a new thread for each task (30,000 threads in one benchmark run, ADR 0050).
     */
    private final ExecutorService senders;

    WebhookSender(WebhooksProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                              .connectTimeout(properties.connectTimeout()).version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(Math.max(1, properties.workers() * properties.parallelSends()), r -> {
            Thread thread = new Thread(r, "webhooks-send-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void destroy() {
        senders.shutdownNow();
    }

    /**
     * Sends on a thread of its own without waiting: the answer (never an exception) completes the future. A worker
     * sends its claimed rows of different lanes at once this way and waits for all of them (ADR 0032).
     */
    CompletableFuture<Deliveries.Outcome> send(String url, List<String> secrets, String id, String body, Instant now) {
        return CompletableFuture.supplyAsync(() -> sendNow(url, secrets, id, body, now), senders);
    }

    private Deliveries.Outcome sendNow(String url, List<String> secrets, String id, String body, Instant now) {
        long started = System.nanoTime();
        URI target = URI.create(url);
        Optional<String> refused = TargetAddresses.problemWithHostNow(target.getHost(), properties.allowLoopbackTargets());
        if (refused.isPresent()) {
            return new Deliveries.Outcome(false, null, 0, "refused target: " + refused.get(), null);
        }
        long timestamp = now.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target).timeout(properties.requestTimeout())
                                         .header("Content-Type", CloudEvents.CONTENT_TYPE)
                                         .header("User-Agent", USER_AGENT)
                                         .header("webhook-id", id)
                                         .header("webhook-timestamp", Long.toString(timestamp))
                                         .header("webhook-signature", WebhookSignature.header(secrets, id, timestamp, body))
                                         .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            return failure(started, "timed out after " + properties.requestTimeout().toSeconds() + " s");
        } catch (IOException e) {
            return failure(started, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure(started, "interrupted: the node is stopping");
        }
        String excerpt;
        try {
            excerpt = excerpt(response.body());
        } catch (IOException e) {
            excerpt = null;
        }
        long latency = (System.nanoTime() - started) / 1_000_000;
        int status = response.statusCode();
        boolean delivered = status >= 200 && status < 300;
        return new Deliveries.Outcome(delivered, status, latency, delivered ? null : "HTTP " + status, excerpt);
    }

    private static Deliveries.Outcome failure(long started, String error) {
        String shortError = error.length() > 500 ? error.substring(0, 500) : error;
        return new Deliveries.Outcome(false, null, (System.nanoTime() - started) / 1_000_000, shortError, null);
    }

    /** The first characters of the answer; the rest is never read (closing the stream drops it). */
    private static String excerpt(InputStream body) throws IOException {
        try (body) {
            byte[] start = body.readNBytes(EXCERPT * 4);
            if (start.length == 0) {
                return null;
            }
            String text = new String(start, StandardCharsets.UTF_8);
            return text.codePointCount(0, text.length()) > EXCERPT ? text.substring(0, text.offsetByCodePoints(0, EXCERPT))
                                                                : text;
        }
    }
}
