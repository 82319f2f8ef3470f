package jp.kodoku.platform.newsletter.api;

/**
 * Query (secretariat): the issue's mail as a recipient of this audience would get it ({@link Audience#PUBLIC}: a
 * public subscriber, without members-only items; otherwise a member's contact), with a placeholder unsubscribe link.
 * Answered with an {@link IssuePreview}, or nothing for an unknown issue.
 */
public record FindIssuePreview(IssueId issueId, Audience audience) {

    public FindIssuePreview {
        audience = audience == null ? Audience.MEMBERS : audience;
    }
}
