package jp.kodoku.platform.infra.readmodel;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;

/**
 * The projections (Axon streaming processors) and how far each has come. Rebuilding drops a projection's read models
 * and replays every event into them. The projection's {@code @ResetHandler} drops
 * its collections; its version guards make the replay produce the same documents as the live run.
 */
@Component
public class Projections {

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public Projections(EventProcessingConfiguration processing, JdbcTemplate jdbc,
                       @Qualifier("serializer") Serializer serializer) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    public Set<String> projections() {
        return processing.eventProcessors().keySet();
    }

    public void rebuild(String projection) {
        StreamingEventProcessor processor = processor(projection);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
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
     * True when every projection runs and has handled every event up to {@code globalIndex} (a position in the event
     * store): what a client that just wrote waits for before reading its own write.
     *
     * <p>A segment's in-memory status moves right after each committed batch, but a processor skips events it has no
     * handler for without storing its token at once; so the status is the measure. Only while a rebuild is under way
     * (the stored token is still a replay token) is the stored token trusted instead, because the status may still
     * describe the run before the reset.
     */
    public boolean reached(long globalIndex) {
        TokenSchema t = new TokenSchema();
        for (String name : projections()) {
            StreamingEventProcessor processor = processor(name);
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            if (!processor.isRunning() || status.isEmpty()) {
                return false;
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
                        return segment != null && !segment.isErrorState()
                                && segment.getCurrentPosition().orElse(-1) >= globalIndex;
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
