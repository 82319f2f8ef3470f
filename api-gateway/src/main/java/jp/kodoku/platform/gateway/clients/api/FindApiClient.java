package jp.kodoku.platform.gateway.clients.api;

/** Query: one API client. */
public record FindApiClient(ApiClientId clientId) {
}
