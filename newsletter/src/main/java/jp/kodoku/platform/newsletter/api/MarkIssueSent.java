package jp.kodoku.platform.newsletter.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Command (the sending): every recipient's mail was accepted by the mail server or given up; the counts are kept. */
public record MarkIssueSent(@TargetAggregateIdentifier IssueId issueId, int delivered, int failed) {
}
