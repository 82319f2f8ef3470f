package jp.kodoku.platform.membership.api;

import java.time.LocalDate;

/** Event: A term as 幹事団体 began. Published contract: never change its shape. */
public record SteeringMemberAppointed(OrganizationId organizationId, LocalDate termStart, LocalDate termEnd) {
}
