package jp.kodoku.platform.gateway.clients.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Give the app a new secret; the old one stops working at once. */
public record RotateApiClientSecret(@TargetAggregateIdentifier ApiClientId clientId,
                                    @TargetAggregateVersion Long expectedVersion) {
}
