package jp.kodoku.platform.membership.directory;

import jp.kodoku.platform.membership.api.*;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

/**
 * The search keys of every organization in the {@code organizations} collection, in memory and in both sort orders
 * (五十音 and joining date), with what a page shows of each: directory searches and the secretariat's lists are
 * answered from here, without reading the collection. Why: the embedded read store (mongo-java-server) ignores secondary indexes, so without this
 * every search decodes every document (measured in docs/performance.md); a real MongoDB serves the same queries from
 * the collection's indexes.
 *
 * <p>It follows the collection: loaded from it at start, then changed by the projection after each batch it wrote,
 * and emptied with it on a rebuild. So it is right only in the instance whose directory processor writes; hence
 * {@code platform.directory.search-index}: {@code memory} (the default with the embedded read store, always one
 * instance) or {@code database} (the default with a configured MongoDB, where several instances may serve reads).
 */
@Component
class DirectoryIndex {

    private static final Logger log = LoggerFactory.getLogger(DirectoryIndex.class);

    enum Order {
        READING, JOINED
    }

    /**
     * What a search may ask of one organization, and what a page shows of it: its line in the secretariat's lists
     * and, if it is in the public directory (else null), its public entry. Immutable, replaced whole when the
     * organization changes.
     */
    record Entry(String id, OrganizationStatus status, boolean published, MemberCategory category, BodyType bodyType,
                 boolean nationwide, Set<String> prefectureCodes, Set<FieldOfActivity> fieldsOfActivity,
                 Set<TargetGroup> targetGroups, Set<ConsultationCapability> consultationCapabilities,
                 boolean steeringMember, String searchKey, String readingKey, String joinedKey,
                 OrganizationSummary summary, DirectoryEntry directoryEntry) {

        static Entry of(OrganizationView v) {
            OrganizationProfile p = v.profile;
            boolean published = p != null && p.consentToPublish();
            return new Entry(v.id, v.status, published, v.category,
                    p == null ? null : p.bodyType(), p != null && p.nationwide(),
                    p == null ? Set.of() : p.prefectureCodes(), p == null ? Set.of() : p.fieldsOfActivity(),
                    p == null ? Set.of() : p.targetGroups(), p == null ? Set.of() : p.consultationCapabilities(),
                    v.steeringMember, v.searchKey, v.readingKey, v.joinedKey, v.profile == null ? null : v.toSummary(),
                    published && v.status == OrganizationStatus.ACTIVE ? v.toDirectoryEntry() : null);
        }

        String key(Order order) {
            return order == Order.READING ? readingKey : joinedKey;
        }
    }

    private final boolean enabled;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Entry> byId = new HashMap<>();
    private final Map<Order, NavigableMap<String, Entry>> sorted = Map.of(
            Order.READING, new TreeMap<>(), Order.JOINED, new TreeMap<>());

    DirectoryIndex(MongoTemplate mongo,
                   @Value("${platform.directory.search-index:}") String mode,
                   @Value("${spring.data.mongodb.uri:}") String mongoUri) {
        this.enabled = switch (mode.isBlank() ? (mongoUri.isBlank() ? "memory" : "database") : mode) {
            case "memory" -> true;
            case "database" -> false;
            default -> throw new IllegalArgumentException(
                    "platform.directory.search-index must be memory or database, not " + mode);
        };
        if (enabled) {
            long t0 = System.nanoTime();
            Query withoutContacts = new Query();
            withoutContacts.fields().exclude("contacts");
            List<OrganizationView> views = mongo.find(withoutContacts, OrganizationView.class);
            put(views);
            log.info("Directory search index: {} organizations loaded in {} ms", views.size(),
                    (System.nanoTime() - t0) / 1_000_000);
        }
    }

    boolean enabled() {
        return enabled;
    }

    /** The organizations as just written to the collection. */
    void put(Collection<OrganizationView> views) {
        if (!enabled || views.isEmpty()) {
            return;
        }
        lock.writeLock().lock();
        try {
            for (OrganizationView view : views) {
                Entry entry = Entry.of(view);
                Entry old = byId.put(entry.id(), entry);
                for (Order order : Order.values()) {
                    NavigableMap<String, Entry> map = sorted.get(order);
                    if (old != null && old.key(order) != null) {
                        map.remove(old.key(order));
                    }
                    if (entry.key(order) != null) {
                        map.put(entry.key(order), entry);
                    }
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    void clear() {
        lock.writeLock().lock();
        try {
            byId.clear();
            sorted.values().forEach(Map::clear);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Up to {@code limit} entries that match, in the given order, after the cursor's key (exclusive; null for the
     * first page). Organizations without a key in that order are not listed, as in the database query.
     */
    List<Entry> find(Predicate<Entry> filter, Order order, boolean ascending, String after, int limit) {
        lock.readLock().lock();
        try {
            NavigableMap<String, Entry> map = sorted.get(order);
            NavigableMap<String, Entry> rest = ascending
                    ? (after == null ? map : map.tailMap(after, false))
                    : (after == null ? map.descendingMap() : map.headMap(after, false).descendingMap());
            List<Entry> found = new ArrayList<>(limit);
            for (Entry entry : rest.values()) {
                if (filter.test(entry)) {
                    found.add(entry);
                    if (found.size() == limit) {
                        break;
                    }
                }
            }
            return found;
        } finally {
            lock.readLock().unlock();
        }
    }
}
