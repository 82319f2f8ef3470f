package jp.kodoku.platform.membership.api;

import java.time.LocalDate;

/** Event: The term as 幹事団体 ended. Published contract: never change its shape. */
public record SteeringMemberTermEnded(OrganizationId organizationId, LocalDate endedOn, String reason) {
}
