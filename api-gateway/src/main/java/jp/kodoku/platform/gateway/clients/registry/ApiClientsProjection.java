package jp.kodoku.platform.gateway.clients.registry;

import jp.kodoku.platform.gateway.clients.api.ApiClientId;
import jp.kodoku.platform.gateway.clients.api.ApiClientRegistered;
import jp.kodoku.platform.gateway.clients.api.ApiClientRevoked;
import jp.kodoku.platform.gateway.clients.api.ApiClientSecretRotated;
import jp.kodoku.platform.gateway.clients.api.ApiClientStatus;
import jp.kodoku.platform.infra.audit.AuditMetadata;
import jp.kodoku.platform.infra.readmodel.ReadModelBatches;
import jp.kodoku.platform.infra.readmodel.VersionedDocuments;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.function.Consumer;

/**
 * Keeps the {@code api_clients} collection: the secretariat's list, and what the gateway needs on every call (the
 * allowed origins for CORS, the rate, and whether the client was revoked), which every node's
 * {@link ApiClientRegistry} reads at start-up (each node then follows the events itself). Documents change through {@link VersionedDocuments}, so redelivery and replays
 * leave the same documents.
 */
@Component
@ProcessingGroup(ApiClientsProjection.PROCESSING_GROUP)
class ApiClientsProjection {

    static final String PROCESSING_GROUP = "api-clients";
    private static final String PRINCIPAL = AuditMetadata.PRINCIPAL;

    private final MongoTemplate mongo;
    private final VersionedDocuments<ApiClientView> views;

    ApiClientsProjection(MongoTemplate mongo, ReadModelBatches batches) {
        this.mongo = mongo;
        this.views = batches.versioned(ApiClientView.class, ApiClientView::new);
        createIndexes();
    }

    private void createIndexes() {
        mongo.indexOps(ApiClientView.class).ensureIndex(new Index("listKey", Sort.Direction.ASC));
    }

    @ResetHandler
    void dropAll() {
        mongo.dropCollection(ApiClientView.class);
        createIndexes();
    }

    @EventHandler
    void on(ApiClientRegistered e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(PRINCIPAL) String principal) {
        apply(e.clientId(), seq, v -> {
            v.name = e.name();
            v.organizationId = e.organizationId();
            v.scopes = new ArrayList<>(e.scopes());
            v.allowedOrigins = new ArrayList<>(e.allowedOrigins());
            v.ratePerMinute = e.ratePerMinute();
            v.status = ApiClientStatus.ACTIVE;
            v.registeredAt = at;
            v.registeredBy = principal;
            // fixed width, so that text order is time order (Instant.toString() drops trailing zeros)
            v.listKey = String.format("%013d%09d", at.getEpochSecond(), at.getNano()) + "\u0001" + v.id;
        });
    }

    @EventHandler
    void on(ApiClientSecretRotated e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.clientId(), seq, v -> v.secretRotatedAt = at);
    }

    @EventHandler
    void on(ApiClientRevoked e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(PRINCIPAL) String principal) {
        apply(e.clientId(), seq, v -> {
            v.status = ApiClientStatus.REVOKED;
            v.revokedAt = at;
            v.revokedBy = principal;
        });
    }

    private void apply(ApiClientId id, long seq, Consumer<ApiClientView> change) {
        views.upsert(id.value(), seq, change);
    }
}
