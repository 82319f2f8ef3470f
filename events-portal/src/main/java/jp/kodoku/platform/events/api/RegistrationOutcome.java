package jp.kodoku.platform.events.api;

/**
 * What a registration command did: the registration's status after it and, while waitlisted, its position (1 = next in
 * line); {@code version} is the event's new version.
 */
public record RegistrationOutcome(RegistrationId registrationId, RegistrationStatus status, Integer waitlistPosition,
                                  long version) {
}
