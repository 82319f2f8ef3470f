package jp.kodoku.platform.membership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** 資格停止. */
public record SuspendMember(@TargetAggregateIdentifier OrganizationId organizationId, @TargetAggregateVersion Long expectedVersion, String reason) {
}
