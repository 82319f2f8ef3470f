package jp.kodoku.platform.gateway.events;

import jp.kodoku.platform.events.api.FindCalendarVersion;
import jp.kodoku.platform.gateway.web.Queries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The calendar feeds as last rendered, per feed and per version of the calendar (ADR 0041). Rendering a feed of 200
 * entries with ical4j costs ~20 ms; calendar apps poll the same feed over and over, and between two changes of the
 * calendar its bytes are the same. So each node keeps the bytes of each feed under the calendar's version
 * ({@link FindCalendarVersion}, one document in the read-model store that every node reads): a request reads the
 * version, and serves the kept bytes while it is the same, or renders them anew. A change projected by any node moves
 * the version, so no node serves a feed older than the read model.
 *
 * <p>The key is the feed's query itself (the view, the reader's organization and chaired subcommittee, the filters,
 * the range): two readers share bytes only when the query they would run is the same, so a members-only entry never
 * reaches a public feed. Who may open a feed (a revoked token, an organization that left a subcommittee) is checked
 * by the controller on every request, before this cache is asked.
 *
 * <p>Bounded: at most {@code platform.events.feed-cache-size} of bytes (32 MB), the least recently served feeds
 * dropped first. Nothing to rebuild or agree on: a node that starts empty renders again.
 */
@Component
class CalendarFeedCache {

    /** A public feed may be kept by anyone's cache for a minute: feeds are polled every few minutes or hours. */
    static final CacheControl PUBLIC = CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();
    /**
     * A feed that depends on who reads it (a bearer token's view, a personal token in the URL): no shared cache may
     * keep it, and the reader's own cache asks again each time (a 304 costs little), so a revoked token or a change
     * of view is seen at the next poll.
     */
    static final CacheControl PRIVATE = CacheControl.noCache().cachePrivate();

    private final Queries queries;
    private final long capacity;
    /** By key, the least recently served first. Guarded by {@code this}. */
    private final LinkedHashMap<Object, Kept> feeds = new LinkedHashMap<>(64, 0.75f, true);
    private long size;

    CalendarFeedCache(Queries queries, @Value("${platform.events.feed-cache-size:32MB}") DataSize capacity) {
        this.queries = queries;
        this.capacity = capacity.toBytes();
    }

    /** A feed's bytes as rendered at one version of the calendar. */
    private record Kept(String version, byte[] body) {
    }

    /** How a feed is answered besides its bytes. {@code varyByAuthorization}: its view follows the bearer token. */
    record Answer(String filename, CacheControl cacheControl, boolean varyByAuthorization) {
    }

    /**
     * The feed of {@code key}: 304 when {@code ifNoneMatch} names its current ETag, else its bytes as kept for the
     * calendar's current version, rendered by {@code render} when they are not.
     *
     * @param key    the feed's query: everything its bytes depend on besides the calendar's version
     * @param render renders the feed as the calendar is now (may throw NotFound)
     */
    ResponseEntity<byte[]> serve(Object key, Answer answer, String ifNoneMatch, Supplier<String> render) {
        // read before rendering: the version moves after the documents are written, so bytes rendered now show at
        // least what this version holds, and the next change moves it again
        String version = queries.one(new FindCalendarVersion(), String.class);
        String etag = etag(version, key);
        if (matches(ifNoneMatch, etag)) {
            return headers(ResponseEntity.status(HttpStatus.NOT_MODIFIED), answer, etag).build();
        }
        byte[] body = kept(key, version);
        if (body == null) {
            body = render.get().getBytes(StandardCharsets.UTF_8);
            keep(key, new Kept(version, body));
        }
        return headers(ResponseEntity.ok(), answer, etag)
                .contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + answer.filename() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
    }

    private synchronized byte[] kept(Object key, String version) {
        Kept kept = feeds.get(key);
        return kept != null && kept.version().equals(version) ? kept.body() : null;
    }

    private synchronized void keep(Object key, Kept feed) {
        if (feed.body().length > capacity) {
            return;
        }
        Kept replaced = feeds.put(key, feed);
        size += feed.body().length - (replaced == null ? 0 : replaced.body().length);
        var eldest = feeds.entrySet().iterator();
        while (size > capacity && eldest.hasNext()) {
            Map.Entry<Object, Kept> dropped = eldest.next();
            size -= dropped.getValue().body().length;
            eldest.remove();
        }
    }

    /** The bytes kept now, all feeds together (for tests and the ADR's bound). */
    synchronized long size() {
        return size;
    }

    private static ResponseEntity.BodyBuilder headers(ResponseEntity.BodyBuilder response, Answer answer, String etag) {
        response.eTag(etag).cacheControl(answer.cacheControl());
        if (answer.varyByAuthorization()) {
            response.varyBy(HttpHeaders.AUTHORIZATION);
        }
        return response;
    }

    /**
     * Strong: the same key at the same version is the same bytes. Hashed, so that the key (an organization's id) is not
     * readable in it.
     */
    static String etag(String version, Object key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                                         .digest((version + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** If-None-Match compares weakly (RFC 9110 §13.1.2): a W/ before a tag a proxy weakened still matches. */
    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                     .map(String::strip)
                     .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                     .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }
}
