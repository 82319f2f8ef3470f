package jp.kodoku.platform.newsletter.api;

import java.time.Instant;

/** Event: the issue took its number (第N号) and started going out; from now on it never changes. */
public record IssueSendingStarted(IssueId issueId, int number, Instant startedAt) {
}
