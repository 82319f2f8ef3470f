package jp.kodoku.platform.events.api;

/** Query: the registration behind a private link. Answers a {@link RegistrationSummary}. */
public record FindRegistrationByAccessToken(EventId eventId, String accessTokenHash) {
}
