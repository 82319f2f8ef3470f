package jp.kodoku.platform.membership.organization;

import jp.kodoku.platform.membership.api.OrganizationId;

import java.util.Optional;

/**
 * Applicants have no account: the private link they receive is the only key to their application. Only its SHA-256
 * is kept, so neither the database nor the events can be used to forge access.
 */
public interface ApplicationAccess {

    void register(String accessTokenHash, OrganizationId id);

    Optional<OrganizationId> find(String accessTokenHash);
}
