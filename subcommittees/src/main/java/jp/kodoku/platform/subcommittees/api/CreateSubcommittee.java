package jp.kodoku.platform.subcommittees.api;

import jp.kodoku.platform.membership.api.OrganizationId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Secretariat: sets up a subcommittee (規約第21条) with its number, title, theme and lead organizations (担当幹事団体). */
public record CreateSubcommittee(@TargetAggregateIdentifier SubcommitteeId subcommitteeId, int number, String title, String theme, List<OrganizationId> leadOrganizations) {
}
