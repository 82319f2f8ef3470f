package jp.kodoku.benchmarks;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * HTTP load on loopback with the JDK's client (HTTP/1.1, kept-alive connections), bounded in count and in time:
 * <ul>
 *   <li>closed loop: a fixed number of workers, each sending its next request when the last one is answered — the
 *   rate this gives is the saturation rate;</li>
 *   <li>open loop: requests started on a fixed schedule, whatever the answers do, by a bounded pool of workers; each
 *   latency counts from the request's scheduled time, so a stall is not hidden by requests that were never sent
 *   (no coordinated omission).</li>
 * </ul>
 */
final class LoadGenerator {

    private static final long MAX_LATENCY_MICROS = 60_000_000L;
    private static final int OPEN_LOOP_WORKERS = 64;

    private final HttpClient client = HttpClient.newBuilder()
                                                .version(HttpClient.Version.HTTP_1_1)
                                                .connectTimeout(Duration.ofSeconds(5))
                                                .build();

    record Outcome(String label, long requests, long errors, double seconds, double targetRate, Histogram latency) {
        double rate() {
            return requests / seconds;
        }

        double p50() {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(50) / 1000.0;
        }

        double p99() {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(99) / 1000.0;
        }

        double max() {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getMaxValue() / 1000.0;
        }

        Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("requests", requests);
            m.put("errors", errors);
            m.put("seconds", seconds);
            m.put("perSecond", rate());
            if (targetRate > 0) {
                m.put("scheduledPerSecond", targetRate);
            }
            m.put("p50Ms", p50());
            m.put("p90Ms", latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(90) / 1000.0);
            m.put("p99Ms", p99());
            m.put("maxMs", max());
            return m;
        }
    }

    /** One request; the status code, or -1 on an I/O failure. */
    int send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    String body(HttpRequest request) throws Exception {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** {@code workers} in a loop for warm-up plus window; only answers completed within the window count. */
    Outcome closedLoop(String label, LongFunction<HttpRequest> requests, int workers, Duration warmup, Duration window,
                       long maxRequests) throws Exception {
        Histogram latency = new ConcurrentHistogram(MAX_LATENCY_MICROS, 3);
        AtomicLong issued = new AtomicLong();
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long measureTo = measureFrom + window.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> new Thread(r, "bench-load"));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    while (true) {
                        long i = issued.getAndIncrement();
                        long t0 = System.nanoTime();
                        if (i >= maxRequests || t0 >= measureTo) {
                            return;
                        }
                        int status = send(requests.apply(i));
                        long t1 = System.nanoTime();
                        if (t0 >= measureFrom && t1 <= measureTo) {
                            if (status == 200) {
                                done.incrementAndGet();
                                latency.recordValue(Math.min((t1 - t0) / 1000, MAX_LATENCY_MICROS));
                            } else {
                                errors.incrementAndGet();
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
        return new Outcome(label, done.get(), errors.get(), window.toNanos() / 1e9, 0, latency);
    }

    /** {@code rate} requests per second for {@code window}, started on schedule; waits for the last answers. */
    Outcome openLoop(String label, LongFunction<HttpRequest> requests, double rate, Duration window) throws Exception {
        Histogram latency = new ConcurrentHistogram(MAX_LATENCY_MICROS, 3);
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long total = Math.max(1, Math.round(rate * window.toNanos() / 1e9));
        long period = Math.round(1e9 / rate);
        ExecutorService pool = Executors.newFixedThreadPool(OPEN_LOOP_WORKERS, r -> new Thread(r, "bench-load"));
        long start = System.nanoTime();
        try {
            for (long i = 0; i < total; i++) {
                long scheduled = start + i * period;
                LoadGenerator.parkUntil(scheduled);
                long n = i;
                pool.execute(() -> {
                    int status = send(requests.apply(n));
                    long t1 = System.nanoTime();
                    if (status == 200) {
                        done.incrementAndGet();
                        latency.recordValue(Math.min((t1 - scheduled) / 1000, MAX_LATENCY_MICROS));
                    } else {
                        errors.incrementAndGet();
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(window.toSeconds() + 30, TimeUnit.SECONDS)) {
                System.out.println("  open loop " + label + ": answers still missing after the grace period");
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Outcome(label, done.get(), errors.get(), Math.max(seconds, window.toNanos() / 1e9), rate, latency);
    }

    /** Open-loop pacing: each request leaves at its scheduled time, however long the previous ones take. */
    static void parkUntil(long scheduledNanos) {
        long wait;
        while ((wait = scheduledNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
