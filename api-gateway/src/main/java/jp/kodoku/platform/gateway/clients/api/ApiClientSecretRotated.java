package jp.kodoku.platform.gateway.clients.api;

/** Event: the app got a new secret (not recorded) and the old one stopped working. Never change its shape. */
public record ApiClientSecretRotated(ApiClientId clientId) {
}
