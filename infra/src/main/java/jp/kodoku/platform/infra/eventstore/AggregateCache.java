package jp.kodoku.platform.infra.eventstore;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Keeps recently used aggregates in memory, so that a command on one of them appends its events without first reading
 * its history back (Axon's caching repository; it evicts an aggregate whose unit of work rolls back). Bounded by
 * count, least recently used out first; Axon's own {@code WeakReferenceCache} loses its entries at every young
 * collection, which under load is most of them.
 *
 * <p>With several nodes another node may have appended to a cached aggregate. So a cached aggregate is used only
 * when the event store's last sequence number for it is still the cached one (one indexed lookup, in the command's
 * transaction); otherwise it is dropped and the repository reads the history. Without that check a node decided on a
 * stale aggregate: a client's current If-Match was refused as stale, and its appends collided with the other node's.
 * A write that lands between the check and the commit still collides, and is retried ({@link ConcurrentAppendRetry}).
 * Measured and decided in docs/adr (aggregate cache across nodes).
 */
public final class AggregateCache implements Cache {

    /** Axon's cache entry keeps the aggregate's version but offers no getter for it. */
    private static final VarHandle CACHED_VERSION = cachedVersion();

    private final ConcurrentMap<Object, Object> entries;
    private final Function<String, Optional<Long>> lastSequenceNumber;

    /**
     * @param lastSequenceNumber the event store's last sequence number of an aggregate (Axon's
     *                           {@code EventStore::lastSequenceNumberFor}), empty when it has no events
     */
    public AggregateCache(long maximumSize, Function<String, Optional<Long>> lastSequenceNumber) {
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).build().asMap();
        this.lastSequenceNumber = lastSequenceNumber;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object cached = entries.get(key);
        if (cached instanceof AggregateCacheEntry<?> entry
                && !Objects.equals(CACHED_VERSION.get(entry), lastSequenceNumber.apply(key.toString()).orElse(null))) {
            entries.remove(key, cached);
            return null;
        }
        return (V) cached;
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.computeIfAbsent(key, k -> valueSupplier.get());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, (k, v) -> update.apply((V) v));
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.clear();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    /** Aggregate repositories register no listeners; nothing else uses this cache. */
    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        throw new UnsupportedOperationException("AggregateCache has no entry listeners");
    }

    private static VarHandle cachedVersion() {
        try {
            return MethodHandles.privateLookupIn(AggregateCacheEntry.class, MethodHandles.lookup())
                                .findVarHandle(AggregateCacheEntry.class, "version", Long.class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Axon's AggregateCacheEntry no longer keeps the cached version in a field "
                    + "named 'version': AggregateCache must learn the new way to read it", e);
        }
    }
}
