package jp.kodoku.platform.newsletter.api;

import java.time.Instant;
import java.util.List;

/** Event: an issue was started as a draft with these sections in this order. */
public record IssueDrafted(IssueId issueId, String subject, Instant plannedSendAt, List<Section> sections) {
}
