package jp.kodoku.platform.membership.api;

import java.util.UUID;

/** Identifies a contact person; also the data subject whose key protects that person's personal data. */
public record ContactId(String value) {

    public static ContactId random() {
        return new ContactId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
