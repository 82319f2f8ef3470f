package jp.kodoku.platform.newsletter.api;

import java.util.UUID;

/** Identifies one issue (号) of the newsletter. */
public record IssueId(String value) {

    public static IssueId random() {
        return new IssueId(UUID.randomUUID().toString());
    }

    /** Axon uses toString() as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
