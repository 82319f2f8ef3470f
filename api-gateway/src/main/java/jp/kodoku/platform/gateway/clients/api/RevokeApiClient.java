package jp.kodoku.platform.gateway.clients.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Withdraw the app's access for good: no new tokens, and its tokens still in circulation are refused. */
public record RevokeApiClient(@TargetAggregateIdentifier ApiClientId clientId,
                              @TargetAggregateVersion Long expectedVersion) {
}
