package jp.kodoku.platform.gateway.clients;

/**
 * The identity provider's side of an API client: the confidential client that holds the secret and issues the
 * tokens. Keycloak in production ({@link KeycloakClientCredentials}); an in-memory stand-in in the aggregate tests.
 * Every failure to reach or persuade it is an {@link IdentityProviderUnavailable}.
 */
public interface ClientCredentials {

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
