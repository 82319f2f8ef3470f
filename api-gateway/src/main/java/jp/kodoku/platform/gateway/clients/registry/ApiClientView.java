package jp.kodoku.platform.gateway.clients.registry;

import jp.kodoku.platform.gateway.clients.api.ApiClientStatus;
import jp.kodoku.platform.gateway.clients.api.ApiClientSummary;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The read model of one API client, in the {@code api_clients} collection. Never holds a secret. */
@Document(ApiClientView.COLLECTION)
class ApiClientView {

    static final String COLLECTION = "api_clients";

    /** The client id. */
    @Id
    String id;
    /** Sequence number of the last event applied: the guard that makes the projection idempotent. */
    long version = -1;
    String name;
    String organizationId;
    List<String> scopes = new ArrayList<>();
    List<String> allowedOrigins = new ArrayList<>();
    int ratePerMinute;
    ApiClientStatus status;
    Instant registeredAt;
    String registeredBy;
    Instant secretRotatedAt;
    Instant revokedAt;
    String revokedBy;
    /** Registration time + id: a unique, totally ordered key for cursor pagination. */
    String listKey;

    ApiClientSummary summary() {
        return new ApiClientSummary(id, version, name, organizationId, List.copyOf(scopes), List.copyOf(allowedOrigins),
                ratePerMinute, status, registeredAt, registeredBy, secretRotatedAt, revokedAt, revokedBy);
    }
}
