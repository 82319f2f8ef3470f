package jp.kodoku.platform.gateway.clients;

/** Query: one API client. */
public record FindApiClient(ApiClientId clientId) {
}
