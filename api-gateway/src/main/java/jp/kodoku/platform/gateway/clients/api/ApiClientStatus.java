package jp.kodoku.platform.gateway.clients.api;

public enum ApiClientStatus {
    ACTIVE,
    REVOKED
}
