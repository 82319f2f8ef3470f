package jp.kodoku.platform.membership.organization;

import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.membership.api.OrganizationProfile;

/**
 * The set-wide rule no single aggregate can check: one organization per corporate number and per normalized name.
 * Claims are written in the transaction that appends the events, so a refused or failed command claims nothing.
 */
public interface OrganizationRegistry {

    /**
     * Claims the profile's keys for the organization, replacing the keys it held before.
     *
     * @throws jp.kodoku.platform.membership.api.DuplicateOrganization when another organization holds one of them
     */
    void claim(OrganizationId id, OrganizationProfile profile);

    /** Frees the keys of a rejected or withdrawn organization so that it can apply again. */
    void release(OrganizationId id);

    /** Who holds the profile's keys now (the corporate number first), without claiming anything: an import's dry run. */
    java.util.List<Holder> holdersOf(OrganizationProfile profile);

    /** @param field {@code corporateNumber} or {@code name}: the key the organization holds */
    record Holder(String field, OrganizationId id, String name) {
    }
}
