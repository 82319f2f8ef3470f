package jp.kodoku.platform.gateway.clients.api;

import java.time.Instant;
import java.util.List;

/** An API client as the secretariat sees it: everything but the secret, which the platform never has. */
public record ApiClientSummary(String clientId, long version, String name, String organizationId, List<String> scopes,
                               List<String> allowedOrigins, int ratePerMinute, ApiClientStatus status,
                               Instant registeredAt, String registeredBy, Instant secretRotatedAt, Instant revokedAt,
                               String revokedBy) {
}
