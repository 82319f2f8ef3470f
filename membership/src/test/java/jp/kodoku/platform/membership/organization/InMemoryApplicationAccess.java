package jp.kodoku.platform.membership.organization;

import jp.kodoku.platform.membership.api.OrganizationId;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Private links of applicants, by the SHA-256 of their token; a hash leads to one application only. */
final class InMemoryApplicationAccess implements ApplicationAccess {

    private final Map<String, OrganizationId> applications = new ConcurrentHashMap<>();

    @Override
    public void register(String accessTokenHash, OrganizationId id) {
        OrganizationId earlier = applications.putIfAbsent(accessTokenHash, id);
        if (earlier != null) {
            // The table's primary key refuses a second row for the same hash.
            throw new IllegalStateException("access token hash already registered for " + earlier);
        }
    }

    @Override
    public Optional<OrganizationId> find(String accessTokenHash) {
        return Optional.ofNullable(applications.get(accessTokenHash));
    }
}
