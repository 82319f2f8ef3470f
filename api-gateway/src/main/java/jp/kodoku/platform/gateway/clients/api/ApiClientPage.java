package jp.kodoku.platform.gateway.clients.api;

import java.util.List;

/** A page of API clients; {@code nextCursor} is null on the last page. */
public record ApiClientPage(List<ApiClientSummary> items, String nextCursor) {
}
