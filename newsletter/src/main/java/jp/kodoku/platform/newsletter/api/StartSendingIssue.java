package jp.kodoku.platform.newsletter.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Command (the scheduled send): the planned time has come; the issue takes its number (第N号) and starts going out. Sent again for an issue already sending or sent, it changes nothing. */
public record StartSendingIssue(@TargetAggregateIdentifier IssueId issueId) {
}
