package jp.kodoku.platform.events.api;

import jp.kodoku.platform.infra.personaldata.SealedValue;
import jp.kodoku.platform.membership.api.OrganizationId;

/**
 * Who registered: a member organization's staff through its member admin account, or a person of the public whose
 * name and e-mail are personal data, sealed with the registration's key and erasable.
 *
 * @param organizationId the member organization (member registrations), else null
 * @param account        the member admin account that registered (member registrations), else null
 * @param name           sealed (public registrations), else null
 * @param email          sealed (public registrations), else null
 */
public record Registrant(OrganizationId organizationId, String account, SealedValue name, SealedValue email) {

    public static Registrant member(OrganizationId organizationId, String account) {
        return new Registrant(organizationId, account, null, null);
    }

    public boolean isMember() {
        return organizationId != null;
    }
}
