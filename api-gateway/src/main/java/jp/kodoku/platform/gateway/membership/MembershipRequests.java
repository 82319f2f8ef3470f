package jp.kodoku.platform.gateway.membership;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.kodoku.platform.membership.api.ContactDetails;
import jp.kodoku.platform.membership.api.MemberCategory;
import jp.kodoku.platform.membership.api.OrganizationProfile;
import jp.kodoku.platform.membership.api.WithdrawalKind;

import java.time.LocalDate;
import java.util.List;

/** Request and response bodies of the membership API. Limits are listed in docs/api.md. */
final class MembershipRequests {

    private MembershipRequests() {
    }

    record Application(OrganizationProfile profile, MemberCategory requestedCategory, ContactDetails primaryContact,
                       @Schema(example = "2022-02") String bylawsVersion) {
    }

    record Resubmission(OrganizationProfile profile, MemberCategory requestedCategory, ContactDetails primaryContact) {
    }

    record ApplicationReceipt(String organizationId, String status,
                              @Schema(description = "Private link to the application: keep it secret; it is shown once")
                              String accessUrl, long version) {
    }

    record Approval(@Schema(description = "First day of membership; today (Japan) when omitted") LocalDate joinedOn) {
    }

    record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    record SendBack(@NotBlank @Size(max = 2000) String comment) {
    }

    record CategoryChange(@NotNull MemberCategory category, @NotBlank @Size(max = 2000) String reason,
                          @NotNull LocalDate effectiveDate) {
    }

    record SteeringTerm(@NotNull LocalDate termStart, LocalDate termEnd) {
    }

    record SteeringTermEnd(@NotNull LocalDate endedOn, @Size(max = 2000) String reason) {
    }

    record Withdrawal(@NotNull WithdrawalKind kind, @NotBlank @Size(max = 2000) String reason,
                      @NotNull LocalDate effectiveDate) {
    }

    record PrimaryContact(@NotBlank @Size(max = 64) String contactId) {
    }

    record Erasure(@Size(max = 2000) String reason) {
    }

    record Written(String organizationId, long version) {
    }

    /**
     * A profile change: {@code proposedFields} wait for the secretariat's approval under {@code proposalId} (empty and
     * null when everything took effect).
     */
    record ProfileWritten(String organizationId, long version,
                          @Schema(description = "The pending proposal after this change, or null") String proposalId,
                          @Schema(description = "The fields that wait for approval; the others took effect")
                          List<String> proposedFields) {
    }

    record ContactCreated(String organizationId, String contactId, long version) {
    }
}
