package jp.kodoku.platform.gateway.clients.registry;

import jp.kodoku.platform.infra.readmodel.VersionedDocument;
import jp.kodoku.platform.gateway.clients.api.ApiClientStatus;
import jp.kodoku.platform.gateway.clients.api.ApiClientSummary;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The read model of one API client (its id is the client id), in the {@code api_clients} collection. Never holds a secret. */
@Document(ApiClientView.COLLECTION)
class ApiClientView extends VersionedDocument<ApiClientView> {

    static final String COLLECTION = "api_clients";

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
