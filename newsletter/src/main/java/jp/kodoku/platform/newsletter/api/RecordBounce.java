package jp.kodoku.platform.newsletter.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Command (the bounce mailbox's reader): a delivery status notification reported that a mail to the subscriber
 * failed.
 *
 * @param reportId   the report's own Message-ID: the same report read twice counts once
 * @param status     the RFC 3464 Status, e.g. {@code 5.1.1}
 * @param diagnostic the Diagnostic-Code as the receiving server wrote it (may name the address: sealed when stored)
 * @param issueId    the issue whose mail bounced, when the returned headers name it; else null
 * @param receivedAt when the report arrived
 */
public record RecordBounce(@TargetAggregateIdentifier SubscriptionId subscriptionId, String reportId, String status,
                           String diagnostic, IssueId issueId, Instant receivedAt) {
}
