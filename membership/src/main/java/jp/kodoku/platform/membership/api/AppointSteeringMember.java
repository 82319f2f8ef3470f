package jp.kodoku.platform.membership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/** Starts a term as 幹事団体 (steering member). {@code termEnd} may be open (null). */
public record AppointSteeringMember(@TargetAggregateIdentifier OrganizationId organizationId, @TargetAggregateVersion Long expectedVersion, LocalDate termStart, LocalDate termEnd) {
}
