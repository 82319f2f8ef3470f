package jp.kodoku.platform.gateway.clients.api;

/** Event: the app's access was withdrawn for good. Published contract: never change its shape. */
public record ApiClientRevoked(ApiClientId clientId) {
}
