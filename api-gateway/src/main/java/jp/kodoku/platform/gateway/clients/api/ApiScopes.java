package jp.kodoku.platform.gateway.clients.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a third-party app may read, as OAuth scopes (Keycloak client scopes of the same names, in the token's
 * {@code scope} claim). Only reads are scoped: apps have no role that allows a write beyond the public ones.
 */
public final class ApiScopes {

    public static final String DIRECTORY_READ = "directory:read";
    public static final String EVENTS_READ = "events:read";
    public static final String FEED_READ = "feed:read";
    public static final Set<String> ALL = Set.of(DIRECTORY_READ, EVENTS_READ, FEED_READ);

    /** Path prefixes under /api/v1 and the scope an app needs to read them; the events and feed APIs come later. */
    private static final List<Guard> GUARDS = List.of(
            new Guard("/api/v1/directory", DIRECTORY_READ),
            new Guard("/api/v1/statistics", DIRECTORY_READ),
            new Guard("/api/v1/events", EVENTS_READ),
            new Guard("/api/v1/calendar", EVENTS_READ),
            new Guard("/api/v1/feed", FEED_READ),
            new Guard("/api/v1/feeds", FEED_READ));

    private ApiScopes() {
    }

    /** The scope an app's token needs for this read, or empty when none is needed (or it is not a read). */
    public static Optional<String> requiredFor(String method, String path) {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return Optional.empty();
        }
        // "/api/v1/events.ics" is the events as a file: the same data, so the same scope as the JSON
        return GUARDS.stream().filter(g -> path.equals(g.prefix) || path.startsWith(g.prefix + "/")
                                           || path.startsWith(g.prefix + "."))
                     .map(g -> g.scope).findFirst();
    }

    private record Guard(String prefix, String scope) {
    }
}
