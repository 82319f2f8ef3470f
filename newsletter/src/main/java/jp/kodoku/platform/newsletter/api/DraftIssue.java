package jp.kodoku.platform.newsletter.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Command (secretariat): start a new issue as a draft, with the five default sections; its number comes when it is sent. */
public record DraftIssue(@TargetAggregateIdentifier IssueId issueId, String subject, Instant plannedSendAt) {
}
