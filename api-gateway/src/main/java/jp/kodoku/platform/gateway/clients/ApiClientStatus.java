package jp.kodoku.platform.gateway.clients;

public enum ApiClientStatus {
    ACTIVE,
    REVOKED
}
