package jp.kodoku.platform.events.api;

/** Event: a waitlisted registration took its seats because seats became free, and why: the cause and the registration that freed them (null for a capacity raise). */
public record PromotedFromWaitlist(EventId eventId, RegistrationId registrationId, int seats, PromotionCause cause, RegistrationId freedBy, int seatsFreeBefore) {
}
