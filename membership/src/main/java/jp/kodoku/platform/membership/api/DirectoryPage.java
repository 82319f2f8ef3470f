package jp.kodoku.platform.membership.api;

import java.util.List;

/** One page of results; {@code nextCursor} is null on the last page. */
public record DirectoryPage<T>(List<T> items, String nextCursor) {
}
