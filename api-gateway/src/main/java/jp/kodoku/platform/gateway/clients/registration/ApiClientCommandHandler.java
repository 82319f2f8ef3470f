package jp.kodoku.platform.gateway.clients.registration;

import jp.kodoku.platform.gateway.clients.api.ApiClientId;
import jp.kodoku.platform.gateway.clients.api.ApiClientRegistered;
import jp.kodoku.platform.gateway.clients.api.IssuedSecret;
import jp.kodoku.platform.gateway.clients.api.RegisterApiClient;
import jp.kodoku.platform.gateway.clients.api.RevokeApiClient;
import jp.kodoku.platform.gateway.clients.api.RotateApiClientSecret;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The API-client commands and their I/O with the identity provider. Order matters: the aggregate decides first
 * (nothing is created in Keycloak for a refused command), then Keycloak is told, and the events are appended when the
 * unit of work commits. A Keycloak failure throws before the commit, so no event claims what did not happen; a failed
 * commit after a registration deletes the Keycloak client again.
 */
@Component
public class ApiClientCommandHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiClientCommandHandler.class);

    private final Repository<ApiClient> repository;
    private final ClientCredentials credentials;

    public ApiClientCommandHandler(Repository<ApiClient> repository, ClientCredentials credentials) {
        this.repository = repository;
        this.credentials = credentials;
    }

    @CommandHandler
    public IssuedSecret handle(RegisterApiClient command) throws Exception {
        Aggregate<ApiClient> client = repository.newInstance(() -> new ApiClient(command));
        ApiClientRegistered registration = client.invoke(ApiClient::registration);
        String secret = credentials.create(registration);
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.onRollback(u -> {
            try {
                credentials.delete(command.clientId());
            } catch (RuntimeException e) {
                // The registration is not recorded, so the platform will never list this client; say so loudly.
                log.error("Could not delete Keycloak client {} after its registration failed; delete it by hand",
                        command.clientId(), e);
            }
        }));
        return new IssuedSecret(command.clientId(), secret, 0L);
    }

    @CommandHandler
    public IssuedSecret handle(RotateApiClientSecret command) {
        long version = load(command.clientId(), command.expectedVersion()).invoke(ApiClient::rotateSecret);
        // If the commit fails after this, the secret has changed without an event; the caller sees the failure and
        // rotates again, which is the remedy anyway.
        return new IssuedSecret(command.clientId(), credentials.rotate(command.clientId()), version);
    }

    @CommandHandler
    public long handle(RevokeApiClient command) {
        long version = load(command.clientId(), command.expectedVersion()).invoke(ApiClient::revoke);
        credentials.disable(command.clientId());
        return version;
    }

    private Aggregate<ApiClient> load(ApiClientId id, Long expectedVersion) {
        return repository.load(id.value(), expectedVersion);
    }
}
