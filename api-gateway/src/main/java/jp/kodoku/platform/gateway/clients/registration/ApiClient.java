package jp.kodoku.platform.gateway.clients.registration;

import jp.kodoku.platform.gateway.clients.api.ApiClientId;
import jp.kodoku.platform.gateway.clients.api.ApiClientRegistered;
import jp.kodoku.platform.gateway.clients.api.ApiClientRevoked;
import jp.kodoku.platform.gateway.clients.api.ApiClientRuleViolation;
import jp.kodoku.platform.gateway.clients.api.ApiClientSecretRotated;
import jp.kodoku.platform.gateway.clients.api.RegisterApiClient;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A third-party app's access to the API, from registration to revocation. It decides, from its own state alone,
 * what may happen; {@link ApiClientCommandHandler} does the I/O with Keycloak around it. It never holds the secret:
 * Keycloak does, and the secretariat sees it once.
 */
@Aggregate
public class ApiClient {

    @AggregateIdentifier
    private ApiClientId id;
    private ApiClientRegistered registration;
    private boolean revoked;

    protected ApiClient() {
        // for Axon
    }

    ApiClient(RegisterApiClient command) {
        apply(ApiClientRules.registration(command));
    }

    /** What Keycloak must be told to create: the normalized registration. */
    ApiClientRegistered registration() {
        return registration;
    }

    long rotateSecret() {
        requireActive("a revoked client cannot get a new secret; register a new client instead");
        apply(new ApiClientSecretRotated(id));
        return getVersion();
    }

    long revoke() {
        requireActive("the client is already revoked");
        apply(new ApiClientRevoked(id));
        return getVersion();
    }

    private void requireActive(String message) {
        if (revoked) {
            throw new ApiClientRuleViolation(message);
        }
    }

    @EventSourcingHandler
    void on(ApiClientRegistered event) {
        id = event.clientId();
        registration = event;
    }

    @EventSourcingHandler
    void on(ApiClientRevoked event) {
        revoked = true;
    }
}
