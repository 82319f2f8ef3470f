package jp.kodoku.platform.membership.api;

/**
 * A contact person, unsealed for those allowed to see it. After an erasure request {@code erased} is true and the
 * personal fields are null: the data is gone, not hidden.
 */
public record ContactView(String contactId, String name, String email, String phone, String department,
                          boolean primary, boolean erased) {
}
