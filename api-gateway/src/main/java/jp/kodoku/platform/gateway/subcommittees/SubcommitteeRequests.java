package jp.kodoku.platform.gateway.subcommittees;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** Request and response bodies of the subcommittees API. Limits are listed in docs/api.md; the module checks them. */
final class SubcommitteeRequests {

    private SubcommitteeRequests() {
    }

    record NewSubcommittee(@Schema(example = "3") Integer number,
                           @Schema(example = "相談支援に係る実務的な相互連携の在り方") String title,
                           String theme, List<String> leadOrganizationIds) {
    }

    record LeadOrganizations(List<String> organizationIds) {
    }

    record Reason(String reason) {
    }

    record NewMember(String organizationId) {
    }

    record MembershipRequest(String organizationId, @Schema(description = "Why the organization wants to join (optional)") String note) {
    }

    record NewChair(@Schema(description = "The sign-in account's id (Keycloak user id); it acts for a lead organization") String userId) {
    }

    record Written(String subcommitteeId, long version) {
    }
}
