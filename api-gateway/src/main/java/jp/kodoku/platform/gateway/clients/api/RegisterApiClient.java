package jp.kodoku.platform.gateway.clients.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Register a third-party app. Fields are as the secretariat sent them; the aggregate checks and normalizes them.
 *
 * @param organizationId the member organization the app acts for (its tokens carry it as {@code organization_id}),
 *                       or null for an outside system
 * @param ratePerMinute  calls per minute before 429; null for the default
 */
public record RegisterApiClient(@TargetAggregateIdentifier ApiClientId clientId, String name, String organizationId,
                                List<String> scopes, List<String> allowedOrigins, Integer ratePerMinute) {
}
