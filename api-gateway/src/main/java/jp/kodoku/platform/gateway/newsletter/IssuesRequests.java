package jp.kodoku.platform.gateway.newsletter;

import jp.kodoku.platform.newsletter.api.ItemContent;
import jp.kodoku.platform.newsletter.api.Segment;

import java.time.Instant;
import java.util.List;

/** The request and response bodies of the newsletter's issues API. */
final class IssuesRequests {

    private IssuesRequests() {
    }

    /** A new draft, or a draft's new subject and planned send time. */
    record IssueHeading(String subject, Instant plannedSendAt) {
    }

    record Created(String issueId, String status, long version) {
    }

    record Written(String issueId, long version) {
    }

    record SectionTitle(String title) {
    }

    /** An item at the end of a section. */
    record NewItem(String sectionKey, ItemContent content) {
    }

    record ItemCreated(String issueId, String itemId, long version) {
    }

    record RevisedItem(ItemContent content) {
    }

    /** Where an item goes: a section of the issue and a position in it (0 = first). */
    record Position(String sectionKey, Integer position) {
    }

    record Scheduling(Segment segment) {
    }

    /** The schedule, with how many recipients the segment reaches now (the sending reads them again at its start). */
    record Scheduled(String issueId, long version, long recipients) {
    }

    record Reason(String reason) {
    }

    record TestSending(List<String> addresses) {
    }

    record TestSent(int mails) {
    }

    record RecipientCount(Segment segment, long recipients) {
    }
}
