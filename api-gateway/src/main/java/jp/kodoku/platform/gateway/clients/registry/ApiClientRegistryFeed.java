package jp.kodoku.platform.gateway.clients.registry;

import jp.kodoku.platform.gateway.clients.api.ApiClientRegistered;
import jp.kodoku.platform.gateway.clients.api.ApiClientRevoked;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Tells this node's {@link ApiClientRegistry} of every registration and revocation. Unlike the projections, whose work
 * is done once by whichever node owns them, this processor runs on every node: its position is kept in memory
 * ({@code ApiClientsConfiguration}), so each node reads the events from the start when it boots and then follows the
 * head. Otherwise a revocation handled by the projection on one node would reach the other node only through the
 * read model, and a revoked client's token would be accepted there meanwhile.
 */
@Component
@ProcessingGroup(ApiClientRegistryFeed.PROCESSING_GROUP)
public class ApiClientRegistryFeed {

    public static final String PROCESSING_GROUP = "api-client-registry";

    private final ApiClientRegistry registry;

    ApiClientRegistryFeed(ApiClientRegistry registry) {
        this.registry = registry;
    }

    @EventHandler
    void on(ApiClientRegistered e, @SequenceNumber long seq) {
        registry.registered(e.clientId().value(), seq, e.ratePerMinute(), e.allowedOrigins());
    }

    @EventHandler
    void on(ApiClientRevoked e, @SequenceNumber long seq) {
        registry.revoked(e.clientId().value(), seq);
    }
}
