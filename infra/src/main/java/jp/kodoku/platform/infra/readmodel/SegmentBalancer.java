package jp.kodoku.platform.infra.readmodel;

import jp.kodoku.platform.infra.eventstore.NodeNotifications;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shares a projection's segments between the nodes (DESIGN.md §13, ADR 0015). Every node's processors can claim all of
 * a projection's segments (each has a thread per segment), so that one node left alone runs them all; the node that
 * started first therefore takes them all. Every few seconds each node compares what it holds with its share, the
 * projection's segments divided by the nodes there are ({@link NodeNotifications#nodes}, rounded up), and lets go of
 * one segment above its share, which it will not claim back for twice the claim interval: a node standing by takes it
 * meanwhile. So the cap per node follows the number of nodes: two nodes with two segments run one each, and when one
 * dies the other's claim attempts take the second segment once its claim has expired.
 */
@Component
public class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);
    static final Duration EVERY = Duration.ofSeconds(3);

    private final EventProcessingConfiguration processing;
    private final Projections projections;
    private final NodeNotifications nodes;
    private volatile ScheduledExecutorService scheduler;

    SegmentBalancer(EventProcessingConfiguration processing, Projections projections, NodeNotifications nodes) {
        this.processing = processing;
        this.projections = projections;
        this.nodes = nodes;
    }

    /** Lets go of at most one segment per projection held above this node's share. */
    void balance() {
        int nodeCount = nodes.nodes();
        for (String projection : projections.projections()) {
            List<Integer> segments = projections.segments(projection);
            if (segments.size() < 2) {
                continue;
            }
            StreamingEventProcessor processor = processing.eventProcessor(projection, StreamingEventProcessor.class)
                                                          .orElseThrow();
            Map<Integer, ?> held = processor.processingStatus();
            int share = (segments.size() + nodeCount - 1) / nodeCount;
            if (held.size() > share) {
                int released = held.keySet().stream().max(Integer::compare).orElseThrow();
                log.info("Releasing segment {} of {}: this node holds {} of {} segments, its share with {} nodes is {}",
                        released, projection, held.size(), segments.size(), nodeCount, share);
                processor.releaseSegment(released);
            }
        }
    }

    @Override
    public void start() {
        if (!nodes.enabled()) {
            return; // one node (H2), or nodes that cannot see each other: nothing to share
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                balance();
            } catch (RuntimeException e) {
                log.warn("Could not compare this node's segments with its share", e);
            }
        }, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        scheduler = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = scheduler;
        if (executor != null) {
            executor.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
