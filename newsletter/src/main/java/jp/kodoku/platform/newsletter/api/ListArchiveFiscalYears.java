package jp.kodoku.platform.newsletter.api;

/** Query: the fiscal years the public archive has issues of, newest first. Answers a list of {@code Integer}. */
public record ListArchiveFiscalYears() {
}
