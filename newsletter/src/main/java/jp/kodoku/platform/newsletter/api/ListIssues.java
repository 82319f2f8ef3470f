package jp.kodoku.platform.newsletter.api;

import java.util.Set;

/** Query: issues in these states (all when empty), newest planned send time first; a list of {@link IssueSummary}. */
public record ListIssues(Set<IssueStatus> statuses) {

    public ListIssues {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }
}
