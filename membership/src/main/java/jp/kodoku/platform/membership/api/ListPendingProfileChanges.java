package jp.kodoku.platform.membership.api;

/** Query: the secretariat's queue, the pending proposals of every organization, oldest first. */
public record ListPendingProfileChanges(String cursor, int limit) {
}
