package jp.kodoku.platform.events.api;

import java.util.UUID;

/** Identifies one registration for an event; also the data subject whose key protects a public registrant's data. */
public record RegistrationId(String value) {

    public static RegistrationId random() {
        return new RegistrationId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
