package jp.kodoku.platform.membership.api;

import java.util.List;

/** One page of the public directory; {@code nextCursor} is null on the last page. */
public record DirectoryPage(List<DirectoryEntry> items, String nextCursor) {
}
