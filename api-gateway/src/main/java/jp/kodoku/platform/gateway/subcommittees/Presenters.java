package jp.kodoku.platform.gateway.subcommittees;

import jp.kodoku.platform.subcommittees.api.InvalidSubcommitteeInput;
import jp.kodoku.platform.subcommittees.api.OrganizationRef;
import jp.kodoku.platform.subcommittees.api.SubcommitteeDetails;

/**
 * An organization named on a meeting (a presenter, an attendee) is one of the subcommittee's members, read from the
 * subcommittee read model the access check reads anyway (as polls check who answers, ADR 0023); its name comes with it.
 */
final class Presenters {

    private Presenters() {
    }

    static OrganizationRef member(SubcommitteeDetails subcommittee, String organizationId, String field) {
        if (organizationId == null || organizationId.isBlank()) {
            throw new InvalidSubcommitteeInput(field, "is required");
        }
        return subcommittee.members().stream().map(SubcommitteeDetails.Member::organization)
                           .filter(o -> o.id().equals(organizationId)).findFirst()
                           .orElseThrow(() -> new InvalidSubcommitteeInput(field, "is not a member organization of this subcommittee"));
    }
}
