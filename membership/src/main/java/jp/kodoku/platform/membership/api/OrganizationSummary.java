package jp.kodoku.platform.membership.api;

import java.time.Instant;

/** A row of the secretariat's list of organizations. */
public record OrganizationSummary(String organizationId, long version, OrganizationStatus status, Integer memberNumber,
                                  String name, String nameKana, MemberCategory category, Instant submittedAt,
                                  Instant lastChangedAt, String lastDecisionNote) {
}
