package jp.kodoku.platform.newsletter.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Command (secretariat): mail the issue as it stands now, marked as a test, to these addresses (at most
 * {@value #ADDRESSES_MAX}); it changes nothing of the issue. Answered with the number of mails enqueued.
 */
public record SendTestIssue(@TargetAggregateIdentifier IssueId issueId, List<String> addresses) {

    public static final int ADDRESSES_MAX = 10;
}
