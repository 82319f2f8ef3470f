package jp.kodoku.platform.subcommittees.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Secretariat: the person with this sign-in account (its id in the identity provider) chairs the subcommittee (座長). The account acts for a lead organization; it gets the role subcommittee-chair and the claim subcommittee_id. */
public record AppointChair(@TargetAggregateIdentifier SubcommitteeId subcommitteeId, @TargetAggregateVersion Long expectedVersion, String userId) {
}
