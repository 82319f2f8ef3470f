package jp.kodoku.platform.newsletter.api;

/** Query (secretariat): every address that bounced or is suspended, suspended first, most recent first. */
public record ListBouncedAddresses() {
}
