package jp.kodoku.platform.membership.api;

import java.util.Set;

/** Query (secretariat): organizations in the given states, e.g. open applications or suspended members. */
public record ListOrganizations(Set<OrganizationStatus> statuses, String text, String cursor, int limit) {
    public ListOrganizations {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }
}
