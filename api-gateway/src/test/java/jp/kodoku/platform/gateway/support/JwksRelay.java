package jp.kodoku.platform.gateway.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Passes the platform's requests for Keycloak's signing keys through, counting them, so a test can see that the keys
 * are cached and fetched again after a rotation.
 */
public final class JwksRelay {

    private static final AtomicInteger FETCHES = new AtomicInteger();
    private static final HttpServer SERVER = start();

    private JwksRelay() {
    }

    public static String uri() {
        return "http://127.0.0.1:" + SERVER.getAddress().getPort() + "/certs";
    }

    public static int fetches() {
        return FETCHES.get();
    }

    private static HttpServer start() {
        try {
            HttpClient client = HttpClient.newHttpClient();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/certs", exchange -> {
                FETCHES.incrementAndGet();
                try {
                    HttpResponse<byte[]> keys = client.send(HttpRequest.newBuilder(URI.create(TestTokens.jwkSetUri())).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(keys.statusCode(), keys.body().length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(keys.body());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    exchange.sendResponseHeaders(503, -1);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
