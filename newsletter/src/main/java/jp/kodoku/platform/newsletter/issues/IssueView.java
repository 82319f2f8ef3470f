package jp.kodoku.platform.newsletter.issues;

import jp.kodoku.platform.infra.readmodel.VersionedDocument;
import jp.kodoku.platform.newsletter.api.IssueStatus;
import jp.kodoku.platform.newsletter.api.ItemContent;
import jp.kodoku.platform.newsletter.api.Segment;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One issue as read ({@code newsletter_issues}); items in their section's order. */
@Document("newsletter_issues")
class IssueView extends VersionedDocument<IssueView> {

    Integer number;
    String subject;
    Instant plannedSendAt;
    IssueStatus status;
    String cancellationReason;
    Instant sentAt;
    Integer delivered;
    Integer failed;
    Segment segment;
    List<Section> sections = new ArrayList<>();

    record Section(String key, String title, List<Item> items) {
    }

    record Item(String itemId, ItemContent content) {
    }
}
