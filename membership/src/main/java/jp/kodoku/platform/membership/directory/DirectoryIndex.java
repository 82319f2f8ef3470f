package jp.kodoku.platform.membership.directory;

import jakarta.annotation.PreDestroy;
import jp.kodoku.platform.membership.api.*;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The search keys of every organization in the {@code organizations} collection, in memory and in both sort orders
 * (五十音 and joining date), with what a page shows of each: directory searches and the secretariat's lists are
 * answered from here, without reading the collection. Why: the embedded read store (mongo-java-server) ignores
 * secondary indexes, so without this every search decodes every document (measured in docs/performance.md); a real
 * MongoDB serves the same queries from the collection's indexes.
 *
 * <p>It follows the collection: loaded from it in the background once the platform is ready, changed by the projection after each batch
 * it wrote, and emptied with it on a rebuild. So it is right only in the instance whose directory processor writes; hence
 * {@code platform.directory.search-index}: {@code memory} (the default with the embedded read store, always one
 * instance) or {@code database} (the default with a configured MongoDB or a node name, where several instances may
 * serve reads; {@code memory} is refused at start-up on a named node).
 */
@Component
class DirectoryIndex {

    private static final Logger log = LoggerFactory.getLogger(DirectoryIndex.class);

    /** The two orders of a page, each by a unique key of the {@code organizations} document. */
    enum Order {
        READING("readingKey"), JOINED("joinedKey");

        /** The document's field that holds the key. */
        final String field;

        Order(String field) {
            this.field = field;
        }

        String keyOf(OrganizationView view) {
            return this == READING ? view.readingKey : view.joinedKey;
        }
    }

    /**
     * What a search may ask of one organization, and what a page shows of it: its line in the secretariat's lists
     * and, if it is in the public directory (else null), its public entry. Immutable, replaced whole when the
     * organization changes.
     */
    record Entry(String id, long version, OrganizationStatus status, boolean published, MemberCategory category,
                 BodyType bodyType, boolean nationwide, Set<String> prefectureCodes, Set<FieldOfActivity> fieldsOfActivity,
                 Set<TargetGroup> targetGroups, Set<ConsultationCapability> consultationCapabilities,
                 boolean steeringMember, String searchKey, String readingKey, String joinedKey,
                 OrganizationSummary summary, DirectoryEntry directoryEntry) {

        static Entry of(OrganizationView v) {
            OrganizationProfile p = v.profile;
            boolean published = p != null && p.consentToPublish();
            return new Entry(v.id, v.version, v.status, published, v.category,
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
    /** Set once the collection has been read (or emptied by a rebuild): until then the database answers. */
    private volatile boolean loaded;
    /** Moves on with every rebuild, so that a load still reading the collection from before it stops. */
    private int generation;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Entry> byId = new HashMap<>();
    private final Map<Order, NavigableMap<String, Entry>> sorted = Map.of(
            Order.READING, new TreeMap<>(), Order.JOINED, new TreeMap<>());
    /**
     * Each two-character piece of the search keys → the entries whose search key holds it, in 五十音 order: a text
     * search walks only the entries holding the rarest piece of its text, instead of every entry (organizations of
     * one kind, "…センター", sit together in 五十音 order, so a walk of all of them can pass thousands first).
     */
    private final Map<String, NavigableMap<String, Entry>> bigrams = new HashMap<>();
    private final MongoTemplate mongo;
    private final ScheduledExecutorService loader;

    /** One node (no {@code platform.node-name}): as in the tests of the index itself. */
    DirectoryIndex(MongoTemplate mongo, String mode, String mongoUri) {
        this(mongo, mode, mongoUri, "");
    }

    /**
     * A node with a name ({@code platform.node-name}) is one of several (docs/operations.md), and there the index
     * would learn only the changes its own node's directory processor handles: another node's searches would miss
     * them for good. So such a node searches the database, and refuses to start if told to use the in-memory index.
     */
    @Autowired
    DirectoryIndex(MongoTemplate mongo,
                   @Value("${platform.directory.search-index:}") String mode,
                   @Value("${spring.data.mongodb.uri:}") String mongoUri,
                   @Value("${platform.node-name:}") String nodeName) {
        boolean oneOfSeveral = !nodeName.isBlank();
        this.enabled = switch (mode.isBlank() ? (mongoUri.isBlank() && !oneOfSeveral ? "memory" : "database") : mode) {
            case "memory" -> true;
            case "database" -> false;
            default -> throw new IllegalArgumentException(
                    "platform.directory.search-index must be memory or database, not " + mode);
        };
        if (enabled && oneOfSeveral) {
            throw new IllegalStateException("platform.directory.search-index=memory cannot serve a node of several "
                    + "(platform.node-name is " + nodeName + "): the in-memory index learns only the changes this node's "
                    + "directory processor handles, and the other nodes' changes would be missing from its searches. "
                    + "Set platform.directory.search-index=database (or leave it unset) on every node.");
        }
        this.mongo = mongo;
        this.loader = !enabled ? null : Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "directory-index-load");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Once the platform is ready, in the background: the database answers searches while tens of thousands of
     * organizations load, and the start-up does not share the CPU with the load. The projection may already be
     * writing meanwhile; the newer version of an organization wins.
     */
    @EventListener(ApplicationReadyEvent.class)
    void startLoading() {
        if (enabled) {
            loader.execute(this::load);
        }
    }

    private void load() {
        long t0 = System.nanoTime();
        int generationAtStart;
        lock.readLock().lock();
        try {
            generationAtStart = generation;
        } finally {
            lock.readLock().unlock();
        }
        // in batches: a reply over 48 MB is refused by the driver, and the wire server sends everything at once
        // unless asked for batches
        Query withoutContacts = new Query().cursorBatchSize(1_000);
        withoutContacts.fields().exclude("contacts");
        List<OrganizationView> batch = new ArrayList<>();
        int count = 0;
        try (Stream<OrganizationView> views = mongo.stream(withoutContacts, OrganizationView.class)) {
            Iterator<OrganizationView> each = views.iterator();
            while (each.hasNext()) {
                batch.add(each.next());
                if (batch.size() == 1_000 || !each.hasNext()) {
                    if (!put(batch, generationAtStart)) {
                        break; // rebuilt meanwhile: the replay fills the index
                    }
                    count += batch.size();
                    batch.clear();
                }
            }
        } catch (RuntimeException e) {
            if (loader.isShutdown()) {
                return; // the platform is stopping
            }
            log.warn("Directory search index: loading failed, the database answers searches; trying again in 10 s", e);
            loader.schedule(this::load, 10, TimeUnit.SECONDS);
            return;
        }
        loaded = true;
        loader.shutdown();
        log.info("Directory search index: {} organizations loaded in {} ms", count, (System.nanoTime() - t0) / 1_000_000);
    }

    @PreDestroy
    void stopLoading() {
        if (loader != null) {
            loader.shutdownNow();
        }
    }

    /** Whether this node keeps the index at all (platform.directory.search-index). */
    boolean inMemory() {
        return enabled;
    }

    /** Whether searches are answered from here (else from the database). */
    boolean answers() {
        return enabled && loaded;
    }

    /** The organizations as just written to the collection. */
    void put(Collection<OrganizationView> views) {
        if (enabled) {
            put(views, -1);
        }
    }

    /**
     * Keeps the newest version of each organization.
     *
     * @param loadedIn the generation a load started in (false, and nothing changed, once a rebuild began since),
     *                 or -1 for the projection's own writes
     */
    private boolean put(Collection<OrganizationView> views, int loadedIn) {
        lock.writeLock().lock();
        try {
            if (loadedIn >= 0 && loadedIn != generation) {
                return false;
            }
            for (OrganizationView view : views) {
                Entry entry = Entry.of(view);
                Entry old = byId.get(entry.id());
                if (old != null && old.version() >= entry.version()) {
                    continue;
                }
                byId.put(entry.id(), entry);
                for (Order order : Order.values()) {
                    NavigableMap<String, Entry> map = sorted.get(order);
                    if (old != null && old.key(order) != null) {
                        map.remove(old.key(order));
                    }
                    if (entry.key(order) != null) {
                        map.put(entry.key(order), entry);
                    }
                }
                if (old != null && old.readingKey() != null) {
                    bigramsOf(old.searchKey()).forEach(bigram -> {
                        NavigableMap<String, Entry> holders = bigrams.get(bigram);
                        holders.remove(old.readingKey());
                        if (holders.isEmpty()) {
                            bigrams.remove(bigram);
                        }
                    });
                }
                if (entry.readingKey() != null) {
                    bigramsOf(entry.searchKey()).forEach(bigram ->
                            bigrams.computeIfAbsent(bigram, b -> new TreeMap<>()).put(entry.readingKey(), entry));
                }
            }
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The collection was dropped for a rebuild: the index starts empty, and complete. */
    void clear() {
        lock.writeLock().lock();
        try {
            generation++;
            byId.clear();
            sorted.values().forEach(Map::clear);
            bigrams.clear();
            loaded = enabled;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Up to {@code limit} entries that match, in the given order, after the cursor's key (exclusive; null for the
     * first page). Organizations without a key in that order are not listed, as in the database query.
     *
     * @param text the search key of the text searched for (see JapaneseText.searchKey), or null; {@code filter}
     *             must test it as well, since an entry holding one piece of the text need not hold all of it
     */
    List<Entry> find(Predicate<Entry> filter, String text, Order order, boolean ascending, String after, int limit) {
        lock.readLock().lock();
        try {
            NavigableMap<String, Entry> map = candidates(text, order);
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

    /** The entries worth walking, in the given order: those holding the text's rarest piece, or all of them. */
    private NavigableMap<String, Entry> candidates(String text, Order order) {
        NavigableMap<String, Entry> rarest = null;
        for (String bigram : text == null ? Set.<String>of() : bigramsOf(text)) {
            NavigableMap<String, Entry> holders = bigrams.getOrDefault(bigram, Collections.emptyNavigableMap());
            if (rarest == null || holders.size() < rarest.size()) {
                rarest = holders;
            }
        }
        if (rarest == null) {
            return sorted.get(order); // no text, or a single character
        }
        if (order == Order.READING) {
            return rarest;
        }
        NavigableMap<String, Entry> reordered = new TreeMap<>();
        rarest.values().stream().filter(entry -> entry.key(order) != null)
              .forEach(entry -> reordered.put(entry.key(order), entry));
        return reordered;
    }

    /** The distinct two-character pieces of a search key, none across the separator of name and reading. */
    private static Set<String> bigramsOf(String key) {
        Set<String> pieces = new HashSet<>();
        for (int i = 0; key != null && i + 2 <= key.length(); i++) {
            String piece = key.substring(i, i + 2);
            if (piece.indexOf('\u0001') < 0) {
                pieces.add(piece);
            }
        }
        return pieces;
    }
}
