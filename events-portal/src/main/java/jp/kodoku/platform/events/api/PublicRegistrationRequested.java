package jp.kodoku.platform.events.api;

import jp.kodoku.platform.infra.personaldata.SealedValue;

/** Event: someone of the public asked for seats; nothing is held until confirmed. */
public record PublicRegistrationRequested(EventId eventId, RegistrationId registrationId, Registrant registrant, int seats, String accessTokenHash, String confirmationTokenHash, SealedValue confirmationToken) {
}
