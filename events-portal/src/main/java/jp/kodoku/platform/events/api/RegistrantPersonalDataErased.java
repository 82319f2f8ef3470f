package jp.kodoku.platform.events.api;

/** Event: a public registrant's name and e-mail were erased (their key destroyed). */
public record RegistrantPersonalDataErased(EventId eventId, RegistrationId registrationId, String reason) {
}
