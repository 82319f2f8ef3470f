package jp.kodoku.platform.gateway.clients.registration;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import jp.kodoku.platform.gateway.clients.api.ApiClientId;
import jp.kodoku.platform.gateway.clients.api.ApiClientRegistered;

/** Keycloak's side of API clients, in memory: what the aggregate tests check the handler told it. */
final class InMemoryClientCredentials implements ClientCredentials {

    record Client(ApiClientRegistered registration, String secret, boolean enabled) {
    }

    final Map<ApiClientId, Client> clients = new HashMap<>();
    private boolean unavailable;

    /** Every call fails from now on, as when Keycloak is down. */
    void goDown() {
        unavailable = true;
    }

    @Override
    public String create(ApiClientRegistered registration) {
        failIfDown();
        String secret = UUID.randomUUID().toString();
        clients.put(registration.clientId(), new Client(registration, secret, true));
        return secret;
    }

    @Override
    public String rotate(ApiClientId clientId) {
        failIfDown();
        String secret = UUID.randomUUID().toString();
        clients.computeIfPresent(clientId, (id, c) -> new Client(c.registration(), secret, c.enabled()));
        return secret;
    }

    @Override
    public void disable(ApiClientId clientId) {
        failIfDown();
        clients.computeIfPresent(clientId, (id, c) -> new Client(c.registration(), c.secret(), false));
    }

    @Override
    public void delete(ApiClientId clientId) {
        clients.remove(clientId);
    }

    String secretOf(ApiClientId clientId) {
        return clients.get(clientId).secret();
    }

    private void failIfDown() {
        if (unavailable) {
            throw new IdentityProviderUnavailable("Keycloak is down", null);
        }
    }
}
