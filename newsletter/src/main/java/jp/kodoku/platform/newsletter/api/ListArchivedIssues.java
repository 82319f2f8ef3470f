package jp.kodoku.platform.newsletter.api;

/**
 * Query: the public archive: issues sent to everyone, of one fiscal year (April–March; null for all), newest first,
 * at most {@code limit}. Answers a list of {@link ArchivedIssueSummary}.
 */
public record ListArchivedIssues(Integer fiscalYear, int limit) {
}
