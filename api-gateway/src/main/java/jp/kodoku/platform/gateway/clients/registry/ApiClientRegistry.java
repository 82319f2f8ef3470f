package jp.kodoku.platform.gateway.clients.registry;

import jp.kodoku.platform.gateway.clients.api.ApiClientStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What every request needs to know about API clients, in memory: which are revoked, their rate, and the origins
 * CORS may allow. Every node follows the events itself ({@link ApiClientRegistryFeed}, a processor of its own with an
 * in-memory position), so a revocation through one node is known to every other node within the event store's fetch
 * delay, whichever node runs the {@code api_clients} projection. The read model is also read every few seconds: at
 * start-up it gives the whole picture in one query while the node's processor is still replaying the events.
 *
 * <p>A revocation, once seen, is never forgotten by this instance (a client is never un-revoked), so neither a
 * rebuild of the read model nor a MongoDB outage lets a revoked client's tokens back in.
 */
@Component
public class ApiClientRegistry {

    private static final Logger log = LoggerFactory.getLogger(ApiClientRegistry.class);
    static final long RELOAD_AFTER_MILLIS = 5_000;

    /** What the gateway needs of one client. */
    public record Entry(String clientId, long version, boolean revoked, int ratePerMinute, List<String> allowedOrigins) {
    }

    private record Snapshot(Map<String, Entry> clients, Set<String> activeOrigins) {
        static Snapshot of(Map<String, Entry> clients) {
            Set<String> origins = new HashSet<>();
            clients.values().stream().filter(e -> !e.revoked()).forEach(e -> origins.addAll(e.allowedOrigins()));
            return new Snapshot(Map.copyOf(clients), Set.copyOf(origins));
        }
    }

    private final MongoTemplate mongo;
    private final Clock clock = Clock.systemUTC();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean reloading = new AtomicBoolean();
    private volatile Snapshot snapshot = Snapshot.of(Map.of());
    /** 0: never loaded, so the first call loads (Long.MIN_VALUE would overflow the age check). */
    private volatile long loadedAt = 0;

    public ApiClientRegistry(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<Entry> find(String clientId) {
        return Optional.ofNullable(current().clients().get(clientId));
    }

    public boolean isRevoked(String clientId) {
        current();
        return revoked.contains(clientId);
    }

    /** Whether a browser page from this origin may call the API: an active client registered it. */
    public boolean allowsOrigin(String origin) {
        return current().activeOrigins().contains(origin);
    }

    /** A client registered, as this node's processor read it from the events. */
    void registered(String clientId, long version, int ratePerMinute, List<String> allowedOrigins) {
        update(new Entry(clientId, version, false, ratePerMinute, List.copyOf(allowedOrigins)));
    }

    /** A client revoked, as this node's processor read it from the events. */
    void revoked(String clientId, long version) {
        revoked.add(clientId);
        synchronized (this) {
            Entry known = snapshot.clients().get(clientId);
            if (known != null) {
                update(new Entry(clientId, version, true, known.ratePerMinute(), known.allowedOrigins()));
            }
        }
    }

    private void update(Entry entry) {
        if (entry.revoked()) {
            revoked.add(entry.clientId());
        }
        synchronized (this) {
            Entry known = snapshot.clients().get(entry.clientId());
            if (known == null || known.version() < entry.version()) {
                Map<String, Entry> clients = new HashMap<>(snapshot.clients());
                clients.put(entry.clientId(), entry);
                snapshot = Snapshot.of(clients);
            }
        }
    }

    /**
     * A revocation this instance just recorded: its tokens are refused here at once, before its own processor has
     * read the event (other instances refuse them once theirs has).
     */
    public void markRevoked(String clientId) {
        revoked.add(clientId);
    }

    private Snapshot current() {
        long now = clock.millis();
        if (now - loadedAt > RELOAD_AFTER_MILLIS && reloading.compareAndSet(false, true)) {
            try {
                reload();
                loadedAt = now;
            } catch (RuntimeException e) {
                // Keep serving what is known; the next request tries again after the interval.
                loadedAt = now;
                log.warn("Could not reload the API clients from the read model; using what is known", e);
            } finally {
                reloading.set(false);
            }
        }
        return snapshot;
    }

    private void reload() {
        Map<String, Entry> loaded = new HashMap<>();
        for (ApiClientView view : mongo.findAll(ApiClientView.class)) {
            Entry entry = entry(view);
            loaded.put(entry.clientId(), entry);
            if (entry.revoked()) {
                revoked.add(entry.clientId());
            }
        }
        synchronized (this) {
            // The projection may have told us something newer while we were reading.
            snapshot.clients().forEach((id, known) -> loaded.merge(id, known,
                    (fromStore, inMemory) -> inMemory.version() > fromStore.version() ? inMemory : fromStore));
            snapshot = Snapshot.of(loaded);
        }
    }

    private static Entry entry(ApiClientView view) {
        return new Entry(view.id, view.version, view.status == ApiClientStatus.REVOKED, view.ratePerMinute,
                List.copyOf(view.allowedOrigins));
    }
}
