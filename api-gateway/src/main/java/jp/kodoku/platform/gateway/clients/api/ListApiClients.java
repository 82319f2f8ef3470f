package jp.kodoku.platform.gateway.clients.api;

/** Query: API clients, oldest registration first; {@code cursor} is the {@code nextCursor} of the page before. */
public record ListApiClients(String cursor, int limit) {
}
