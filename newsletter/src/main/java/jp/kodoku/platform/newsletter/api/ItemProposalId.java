package jp.kodoku.platform.newsletter.api;

import java.util.UUID;

/** Identifies one item a member organization proposed for the newsletter. */
public record ItemProposalId(String value) {

    public static ItemProposalId random() {
        return new ItemProposalId(UUID.randomUUID().toString());
    }

    /** Axon uses toString() as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
