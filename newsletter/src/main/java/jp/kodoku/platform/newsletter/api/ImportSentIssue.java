package jp.kodoku.platform.newsletter.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Command: record an issue that went out before this platform kept the newsletter (the weekly mail magazine has gone
 * out since March 2022), as the archive of the former mail service has it: its subject, segment, items and the time
 * it went out, which lies in the past. Nothing is mailed. The issue takes the next number (第N号) as any issue that
 * starts going out does, so the earlier issues are imported oldest first, before the platform sends its own; its
 * history is the one of any sent issue (drafted, items added, scheduled, started, sent), all at {@code sentAt}. The
 * former service's delivery figures are not known here, so the issue records none (0 delivered, 0 given up).
 */
public record ImportSentIssue(@TargetAggregateIdentifier IssueId issueId, String subject, Segment segment,
                              Instant sentAt, List<Item> items) {

    public ImportSentIssue {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** An item of the imported issue, in one of the default sections ({@link Section#DEFAULTS}). */
    public record Item(ItemId itemId, String sectionKey, ItemContent content) {
    }
}
