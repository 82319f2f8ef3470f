package jp.kodoku.platform.events.api;

import java.util.UUID;

/** Identifies an event of the portal (a workshop, a symposium, a campaign, a course, a meeting). */
public record EventId(String value) {

    public static EventId random() {
        return new EventId(UUID.randomUUID().toString());
    }

    /** Axon uses toString() as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
