package jp.kodoku.platform.subcommittees.api;

import java.util.List;

/** What anyone may see of a subcommittee. */
public record SubcommitteeSummary(String id, int number, String title, String theme,
                                  List<OrganizationRef> leadOrganizations, SubcommitteeStatus status,
                                  String closedReason, long version) {
}
