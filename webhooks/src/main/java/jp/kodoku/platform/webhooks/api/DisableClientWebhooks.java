package jp.kodoku.platform.webhooks.api;

/** Command (the platform): the client lost its access (revoked); its subscriptions stop with this reason. */
public record DisableClientWebhooks(String clientId, String reason) {
}
