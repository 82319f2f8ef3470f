package jp.kodoku.platform.infra.readmodel;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

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

    public Projections(EventProcessingConfiguration processing) {
        this.processing = processing;
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
     */
    public boolean reached(long globalIndex) {
        for (String name : projections()) {
            StreamingEventProcessor p = processor(name);
            if (!p.isRunning() || p.processingStatus().isEmpty()) {
                return false;
            }
            for (EventTrackerStatus segment : p.processingStatus().values()) {
                if (segment.isErrorState() || segment.getCurrentPosition().orElse(-1) < globalIndex) {
                    return false;
                }
            }
        }
        return true;
    }

    private StreamingEventProcessor processor(String projection) {
        return processing.eventProcessor(projection, StreamingEventProcessor.class)
                         .orElseThrow(() -> new NoSuchElementException("no projection named " + projection));
    }
}
