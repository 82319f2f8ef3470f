package jp.kodoku.platform.membership.api;

/**
 * A contact person as a client sends it. Plain text lives only in commands (which are never stored); events carry
 * {@link ContactPerson} with each personal field sealed.
 */
public record ContactDetails(String name, String email, String phone, String department) {
}
