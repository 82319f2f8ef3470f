package jp.kodoku.platform.gateway.clients.api;

/**
 * What registering or rotating answers: the secret, handed to the caller once and kept nowhere by the platform.
 * A command result, never a message that is stored.
 */
public record IssuedSecret(ApiClientId clientId, String secret, long version) {

    @Override
    public String toString() {
        return "IssuedSecret[clientId=" + clientId + ", version=" + version + "]"; // never log the secret
    }
}
