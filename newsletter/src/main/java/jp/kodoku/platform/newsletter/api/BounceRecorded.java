package jp.kodoku.platform.newsletter.api;

import jp.kodoku.platform.infra.personaldata.SealedValue;

import java.time.Instant;

/**
 * Event: a mail to the subscriber bounced (a delivery status notification, RFC 3464).
 *
 * @param reportId   the report's Message-ID (a report is counted once)
 * @param diagnostic the receiving server's Diagnostic-Code, sealed with the subscriber's key (it often names the
 *                   address); null when the report had none
 * @param issueId    the issue whose mail bounced, or null when the report did not return its headers
 */
public record BounceRecorded(SubscriptionId subscriptionId, String reportId, BounceKind kind, String status,
                             SealedValue diagnostic, IssueId issueId, Instant at) {
}
