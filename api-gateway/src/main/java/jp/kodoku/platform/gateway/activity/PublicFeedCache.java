package jp.kodoku.platform.gateway.activity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The public feed files as last written, for a few seconds: every reader gets the same file, and feed readers poll, so
 * writing it anew for each request would spend the node on Rome and the read-model query for the same bytes (the
 * benchmark's public Atom feed at saturation, docs/performance.md). Each node keeps its own; a file is at most
 * {@code platform.activity.public-feed-ttl} older than the read model (ADR 0030). Nothing here needs rebuilding: it
 * only expires.
 */
@Component
class PublicFeedCache {

    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentHashMap<String, Written> files = new ConcurrentHashMap<>();

    PublicFeedCache(@Value("${platform.activity.public-feed-ttl:5s}") Duration ttl) {
        this.ttl = ttl;
        this.clock = Clock.systemUTC();
    }

    /** A file as written at a moment, with the validator clients send back in If-None-Match. */
    record Written(String body, String etag, Instant at) {
    }

    /** The file of this name, written anew by {@code write} when the kept one is older than the time to live. */
    Written get(String name, Supplier<String> write) {
        Instant now = clock.instant();
        // compute: while one request writes the file, the others of that moment wait for it rather than write it too
        return files.compute(name, (key, kept) -> kept != null && kept.at().plus(ttl).isAfter(now) ? kept
                : written(write.get(), now));
    }

    private static Written written(String body, Instant at) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return new Written(body, "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"", at);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
