package jp.kodoku.platform.membership.api;

/** Query: a page of the public directory. {@code cursor} is the {@code nextCursor} of the previous page, or null. */
public record ListDirectory(DirectoryFilter filter, DirectorySort sort, String cursor, int limit) {
}
