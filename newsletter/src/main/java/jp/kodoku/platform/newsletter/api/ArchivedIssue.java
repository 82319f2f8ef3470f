package jp.kodoku.platform.newsletter.api;

import java.time.Instant;
import java.util.List;

/**
 * An issue as the public reads it in the archive: its sections in order with their public items (items for members
 * only are left out, and so is a section left empty by that). Nothing of any recipient: no address, no unsubscribe
 * token, no count of recipients.
 */
public record ArchivedIssue(IssueId issueId, int number, String subject, Instant sentAt, int fiscalYear,
                            List<ArchivedSection> sections) {

    public record ArchivedSection(String title, List<ArchivedItem> items) {
    }

    /** @param bodyHtml the body rendered by the safe subset, as in the mail */
    public record ArchivedItem(String title, String bodyHtml, String bodyText, String link) {
    }
}
