package jp.kodoku.platform.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A third-party app's webhook endpoint on loopback (the JDK's HTTP server): it verifies every delivery's signature
 * with {@link StandardWebhooksVerifier} and keeps what it accepted, in the order it arrived. It can be down for a
 * while (answers 503, which counts as not received) and come back.
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> accepted = new CopyOnWriteArrayList<>();
    private final List<String> refusedIds = new CopyOnWriteArrayList<>();
    private volatile List<StandardWebhooksVerifier> verifiers = List.of();
    private volatile int answer = 204;
    private volatile long delayMillis;

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            int status = answer;
            if (delayMillis > 0) {
                // a receiver that takes its time, so that deliveries are still under way when a test interrupts them
                java.util.concurrent.locks.LockSupport.parkNanos(delayMillis * 1_000_000);
            }
            if (status / 100 == 2) {
                Instant now = Instant.now();
                List<Boolean> verifiedBy = verifiers.stream()
                                                    .map(v -> v.verifies(id, timestamp, signature, body, now)).toList();
                accepted.add(new Received(id, signature, verifiedBy, JSON.readTree(body),
                                          exchange.getRequestHeaders().getFirst("Content-Type")));
            } else {
                refusedIds.add(String.valueOf(id));
            }
            byte[] answerBody = ("{\"note\":\"" + "受信しました".repeat(100) + "\"}").getBytes();
            exchange.sendResponseHeaders(status, status == 204 ? -1 : answerBody.length);
            if (status != 204) {
                exchange.getResponseBody().write(answerBody);
            }
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The secrets whose signatures each delivery is checked against, in this order. */
    public void trust(String... secrets) {
        List<StandardWebhooksVerifier> list = new ArrayList<>();
        for (String secret : secrets) {
            list.add(new StandardWebhooksVerifier(secret));
        }
        verifiers = List.copyOf(list);
    }

    public void down() {
        answer = 503;
    }

    public void failing() {
        answer = 500;
    }

    /** Answers only after this long. */
    public void slow(long millis) {
        delayMillis = millis;
    }

    public void up() {
        answer = 204;
    }

    public List<Received> accepted() {
        return List.copyOf(accepted);
    }

    public int refused() {
        return refusedIds.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /**
     * One accepted delivery.
     *
     * @param verifiedBy per trusted secret, whether the signature verified with it
     */
    public record Received(String webhookId, String signatureHeader, List<Boolean> verifiedBy, JsonNode event,
                           String contentType) {

        public String type() {
            return event.get("type").asText();
        }

        public String subject() {
            return event.get("subject").asText();
        }

        public long sequence() {
            return Long.parseLong(event.get("sequence").asText());
        }
    }
}
