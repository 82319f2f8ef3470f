package jp.kodoku.platform.membership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/** 退会: the member leaves, at its request or by decision, from {@code effectiveDate} on. */
public record RecordWithdrawal(@TargetAggregateIdentifier OrganizationId organizationId, @TargetAggregateVersion Long expectedVersion, WithdrawalKind kind, String reason, LocalDate effectiveDate) {
}
