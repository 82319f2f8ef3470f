package jp.kodoku.platform.gateway.clients.registration;

import jp.kodoku.platform.gateway.clients.api.ApiClientId;
import jp.kodoku.platform.gateway.clients.api.ApiClientRegistered;
/**
 * The identity provider's side of an API client: the confidential client that holds the secret and issues the
 * tokens. Keycloak in production ({@link KeycloakClientCredentials}); an in-memory stand-in in the aggregate tests.
 * Every failure to reach or persuade it is an {@link IdentityProviderUnavailable}.
 */
public interface ClientCredentials {

    /** The realm role of every API client's service account: what tells an app's token from a person's. */
    String ROLE = "api-client";

    /** Creates the client as registered and returns its first secret. Leaves nothing behind when it fails. */
    String create(ApiClientRegistered registration);

    /** A new secret; the old one stops working at once. */
    String rotate(ApiClientId clientId);

    /** No new tokens from now on. Doing it twice is harmless. */
    void disable(ApiClientId clientId);

    /** Undoes {@link #create} when the registration could not be recorded. Doing it twice is harmless. */
    void delete(ApiClientId clientId);

    class IdentityProviderUnavailable extends RuntimeException {
        public IdentityProviderUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
