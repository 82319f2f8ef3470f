package jp.kodoku.platform.subcommittees.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Secretariat: the chair's term ends; the account loses the role and the claim. */
public record EndChairTerm(@TargetAggregateIdentifier SubcommitteeId subcommitteeId, @TargetAggregateVersion Long expectedVersion, String userId, String reason) {
}
