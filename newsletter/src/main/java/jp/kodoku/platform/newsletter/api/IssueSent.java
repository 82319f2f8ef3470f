package jp.kodoku.platform.newsletter.api;

import java.time.Instant;

/** Event: sending finished: so many mails accepted by the mail server, so many given up. */
public record IssueSent(IssueId issueId, Instant sentAt, int delivered, int failed) {
}
