package jp.kodoku.platform.newsletter.api;

import java.time.Instant;
import java.util.List;

/**
 * One issue as read: its sections in order with their items in order, each body as written (Markdown) and rendered
 * to HTML and plain text by the safe subset (docs/api.md); {@code segment} is null until it is scheduled.
 */
public record IssueDetails(IssueId issueId, Integer number, String subject, Instant plannedSendAt, IssueStatus status,
                           String cancellationReason, Instant sentAt, Integer delivered, Integer failed,
                           Segment segment, List<SectionDetails> sections, long version) {

    public record SectionDetails(String key, String title, List<ItemDetails> items) {
    }

    public record ItemDetails(ItemId itemId, String title, String body, String bodyHtml, String bodyText, String link,
                              boolean membersOnly) {
    }
}
