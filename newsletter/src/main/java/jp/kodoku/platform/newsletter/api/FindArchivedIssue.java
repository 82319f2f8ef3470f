package jp.kodoku.platform.newsletter.api;

/**
 * Query: one issue of the public archive by its number (第N号); empty when no issue of that number went to everyone.
 * Answers an {@link ArchivedIssue}.
 */
public record FindArchivedIssue(int number) {
}
