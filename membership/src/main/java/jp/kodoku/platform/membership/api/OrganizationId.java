package jp.kodoku.platform.membership.api;

import java.util.UUID;

/** Identifies a member organization (or an applicant, which is the same aggregate before approval). */
public record OrganizationId(String value) {

    public static OrganizationId random() {
        return new OrganizationId(UUID.randomUUID().toString());
    }

    /** Axon uses toString() as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
