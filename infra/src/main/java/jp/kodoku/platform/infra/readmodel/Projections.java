package jp.kodoku.platform.infra.readmodel;

import jp.kodoku.platform.infra.eventstore.EventStoreConfiguration;
import jp.kodoku.platform.infra.eventstore.NodeNotifications;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The projections (Axon streaming processors) and how far each has come. Rebuilding drops a projection's read models
 * and replays every event into them. The projection's {@code @ResetHandler} drops
 * its collections; its version guards make the replay produce the same documents as the live run.
 *
 * <p>With several nodes, each projection's segments are claimed in the token table by one node (the owner column);
 * the others stand by. Processors whose position is kept in memory (each node follows the events into its own memory,
 * e.g. the API-client registry) are not projections: they are neither listed, rebuilt nor waited for here.
 */
@Component
public class Projections {

    /**
     * How long the other nodes keep their hands off a projection's segments when a node announces its rebuild: enough
     * for the rebuilding node to stop its processor, reset every segment and start again.
     */
    static final Duration STEP_BACK = Duration.ofSeconds(10);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final String node;
    private final NodeNotifications nodes;
    /** How long a rebuild waits for the other nodes to let go of the projection's segments. */
    private final Duration waitForStepBack;

    public Projections(EventProcessingConfiguration processing, JdbcTemplate jdbc,
                       @Qualifier("serializer") Serializer serializer,
                       @Value("${platform.node-name:}") String nodeName, NodeNotifications nodes,
                       TokenStoreProperties tokens) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.node = EventStoreConfiguration.nodeId(nodeName);
        this.nodes = nodes;
        // a node busy with a batch lets go at the batch's end; one that does not answer at all loses its claim then
        this.waitForStepBack = tokens.getClaimTimeout().plusSeconds(1);
        nodes.onRebuildAnnouncedElsewhere(this::stepBack);
    }

    public Set<String> projections() {
        return processing.eventProcessors().keySet().stream()
                         .filter(name -> !(processing.tokenStore(name) instanceof InMemoryTokenStore))
                         .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Resets the projection's position to the start, so that it drops its read models and replays every event, from
     * any node. Resetting needs every segment of the projection, so this node first tells the others (through
     * PostgreSQL, {@link NodeNotifications}) to let go of them for a while ({@link #STEP_BACK}) and waits until they
     * have; then it stops its own processor, resets every segment and starts it again, which claims them all (the
     * other nodes take their share back later, {@link SegmentBalancer}). Where the nodes cannot tell each other
     * ({@code platform.events.notify=false}), or another node did not let go in time, it is refused naming the nodes
     * that hold segments. The processor is started again whatever happens, so a failed call never leaves it shut down
     * (a shut-down processor on a standby node would no longer take over when the owner fails).
     */
    public void rebuild(String projection) {
        StreamingEventProcessor processor = processor(projection);
        if (nodes.enabled()) {
            nodes.announceRebuild(projection);
            awaitNoOtherOwner(projection);
        }
        Set<String> elsewhere = ownersOtherThanThisNode(projection);
        if (!elsewhere.isEmpty()) {
            throw new ProjectionOwnedElsewhere(projection, elsewhere);
        }
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (UnableToClaimTokenException e) {
            // another node claimed a segment between the check and the reset (one that does not hear the others)
            throw new ProjectionOwnedElsewhere(projection, ownersOtherThanThisNode(projection));
        } finally {
            processor.start();
        }
    }

    /** Another node is about to rebuild the projection: let go of its segments, and claim none for a while. */
    private void stepBack(String projection) {
        processing.eventProcessor(projection, StreamingEventProcessor.class).ifPresent(processor -> {
            for (int segment : segments(projection)) {
                processor.releaseSegment(segment, STEP_BACK.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    private void awaitNoOtherOwner(String projection) {
        long deadline = System.nanoTime() + waitForStepBack.toNanos();
        try {
            while (!ownersOtherThanThisNode(projection).isEmpty() && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The projection's segments, as the token table has them. */
    List<Integer> segments(String projection) {
        TokenSchema t = new TokenSchema();
        return jdbc.queryForList("SELECT " + t.segmentColumn() + " FROM " + t.tokenTable() + " WHERE "
                + t.processorNameColumn() + " = ? ORDER BY " + t.segmentColumn(), Integer.class, projection);
    }

    /** The nodes other than this one that hold a claim on one of the projection's segments. */
    private Set<String> ownersOtherThanThisNode(String projection) {
        TokenSchema t = new TokenSchema();
        return jdbc.queryForList("SELECT " + t.ownerColumn() + " FROM " + t.tokenTable() + " WHERE "
                                         + t.processorNameColumn() + " = ? AND " + t.ownerColumn() + " IS NOT NULL", String.class, projection)
                   .stream().filter(owner -> !owner.equals(node)).collect(Collectors.toCollection(TreeSet::new));
    }

    /** One segment of a projection: who holds it, the position of its token, and how far behind the head that is. */
    public record SegmentStatus(int segment, String owner, long position, long behind, boolean replaying) {
    }

    /**
     * A projection seen from this node: caught up when every segment is held by a node and has reached the head;
     * {@code runningHere} when this node holds a segment.
     */
    public record ProjectionStatus(boolean caughtUp, boolean runningHere, List<SegmentStatus> segments) {
    }

    /**
     * Every projection, its segments, their owners and their lag: the head is the event store's highest global index,
     * and a segment's position is this node's in-memory one for the segments it holds (the most recent) and the
     * token table's for the others. The token table is written once per batch, so a segment held by another node may
     * show a few events behind until its next batch.
     */
    public Map<String, ProjectionStatus> status() {
        TokenSchema t = new TokenSchema();
        Long max = jdbc.queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class);
        long head = max == null ? -1 : max;
        Map<String, ProjectionStatus> all = new TreeMap<>();
        for (String name : projections()) {
            Map<Integer, EventTrackerStatus> here = processor(name).processingStatus();
            List<SegmentStatus> segments = jdbc.query(
                    "SELECT " + t.segmentColumn() + ", " + t.ownerColumn() + ", " + t.tokenColumn() + ", "
                            + t.tokenTypeColumn() + " FROM " + t.tokenTable() + " WHERE " + t.processorNameColumn()
                            + " = ? ORDER BY " + t.segmentColumn(),
                    (rs, i) -> {
                        EventTrackerStatus mine = here.get(rs.getInt(1));
                        TrackingToken stored = token(rs.getBytes(3), rs.getString(4));
                        long position = mine != null
                                ? mine.getCurrentPosition().orElse(-1)
                                : stored == null ? -1 : stored.position().orElse(-1);
                        boolean replaying = mine != null ? mine.isReplaying() : stored instanceof ReplayToken;
                        return new SegmentStatus(rs.getInt(1), rs.getString(2), position,
                                Math.max(0, head - position), replaying);
                    }, name);
            // not "and not replaying": a segment that replayed up to the head reports replaying until the next event
            boolean caughtUp = !segments.isEmpty()
                    && segments.stream().allMatch(s -> s.owner() != null && s.behind() == 0);
            all.put(name, new ProjectionStatus(caughtUp, !here.isEmpty(), segments));
        }
        return all;
    }

    /** Stops a projection (it keeps its position); for maintenance on its read models. */
    public void pause(String projection) {
        processor(projection).shutDown();
    }

    public void resume(String projection) {
        processor(projection).start();
    }

    /** Per projection: caught up with the event store, and not replaying. */
    public Map<String, Boolean> caughtUp() {
        Map<String, Boolean> status = new TreeMap<>();
        for (String name : projections()) {
            StreamingEventProcessor p = processor(name);
            Map<Integer, EventTrackerStatus> segments = p.processingStatus();
            status.put(name, p.isRunning() && !segments.isEmpty() && segments.values().stream()
                                                                              .allMatch(s -> s.isCaughtUp() && !s.isReplaying()));
        }
        return status;
    }

    /**
     * True when every projection, and every processor this node runs for its own memory, runs and has handled every
     * event up to {@code globalIndex} (a position in the event store): what a client that just wrote waits for before
     * reading its own write.
     *
     * <p>A segment's in-memory status moves right after each committed batch, but a processor skips events it has no
     * handler for without storing its token at once; so the status is the measure. Only while a rebuild is under way
     * (the stored token is still a replay token) is the stored token trusted instead, because the status may still
     * describe the run before the reset. A segment this node does not hold (another node runs it) counts by its stored
     * token, which may lag a few events behind that node's status.
     */
    public boolean reached(long globalIndex) {
        TokenSchema t = new TokenSchema();
        for (String name : processing.eventProcessors().keySet()) {
            StreamingEventProcessor processor = processor(name);
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            if (!processor.isRunning() || (status.isEmpty() && !projections().contains(name))) {
                return false;
            }
            if (!projections().contains(name)) {
                // a processor of this node's memory (no token table): its own status is all there is
                if (!status.values().stream().allMatch(s -> !s.isErrorState()
                        && s.getCurrentPosition().orElse(-1) >= globalIndex)) {
                    return false;
                }
                continue;
            }
            List<Boolean> segments = jdbc.query(
                    "SELECT " + t.segmentColumn() + ", " + t.tokenColumn() + ", " + t.tokenTypeColumn() + " FROM "
                            + t.tokenTable() + " WHERE " + t.processorNameColumn() + " = ?",
                    (rs, i) -> {
                        TrackingToken stored = token(rs.getBytes(2), rs.getString(3));
                        if (stored instanceof ReplayToken) {
                            return stored.position().orElse(-1) >= globalIndex;
                        }
                        EventTrackerStatus segment = status.get(rs.getInt(1));
                        if (segment == null) {
                            // held by another node (segments shared between nodes): its token as last stored
                            return stored != null && stored.position().orElse(-1) >= globalIndex;
                        }
                        return !segment.isErrorState() && segment.getCurrentPosition().orElse(-1) >= globalIndex;
                    }, name);
            if (segments.isEmpty() || segments.contains(false)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Per projection and segment: how many positions of the event store lie between the segment's stored token and
     * the newest event (0: caught up). Read from the token store, so every node sees the same figures, whichever node
     * owns the segment. Positions are global indexes, which may have gaps; the figure is an upper bound of the events
     * still to handle. Two queries.
     */
    public Map<String, Map<Integer, Long>> behindHead() {
        EventSchema e = new EventSchema();
        Long head = jdbc.queryForObject("SELECT MAX(" + e.globalIndexColumn() + ") FROM " + e.domainEventTable(), Long.class);
        long newest = head == null ? -1 : head;
        TokenSchema t = new TokenSchema();
        Map<String, Map<Integer, Long>> behind = new TreeMap<>();
        jdbc.query("SELECT " + t.processorNameColumn() + ", " + t.segmentColumn() + ", " + t.tokenColumn() + ", "
                           + t.tokenTypeColumn() + " FROM " + t.tokenTable(),
                   rs -> {
                       TrackingToken stored = token(rs.getBytes(3), rs.getString(4));
                       long position = stored == null ? -1 : stored.position().orElse(-1);
                       behind.computeIfAbsent(rs.getString(1), p -> new TreeMap<>())
                             .put(rs.getInt(2), Math.max(0, newest - position));
                   });
        return behind;
    }

    private TrackingToken token(byte[] token, String type) {
        return token == null ? null : serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
    }

    private StreamingEventProcessor processor(String projection) {
        return processing.eventProcessor(projection, StreamingEventProcessor.class)
                         .orElseThrow(() -> new NoSuchElementException("no projection named " + projection));
    }
}
