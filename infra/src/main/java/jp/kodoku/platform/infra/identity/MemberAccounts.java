package jp.kodoku.platform.infra.identity;

import java.util.List;

/**
 * The sign-in accounts of member organizations' admins (団体管理者) in the identity provider. An account belongs to one
 * organization through its {@code organization_id} attribute, which reaches the platform as a token claim; being an
 * admin is the realm role {@code member-admin}. Every operation is safe to repeat: callers retry after failures.
 */
public interface MemberAccounts {

    /** The realm role of a member admin. */
    String MEMBER_ADMIN_ROLE = "member-admin";
    /** The user attribute that names the organization an account acts for. */
    String ORGANIZATION_ATTRIBUTE = "organization_id";

    /**
     * Makes {@code email} a member admin of the organization: reuses the account with that address (or username) if
     * there is one, else creates it with the actions to set a password and verify the address, and sends the person
     * the e-mail that starts those actions. Never makes a second account for one address.
     */
    Provisioning provision(String organizationId, String name, String email);

    /** Disables every account of the organization and ends their sessions; returns how many accounts it has. */
    int disableAll(String organizationId);

    /** Enables every account of the organization; returns how many accounts it has. */
    int enableAll(String organizationId);

    /** The member admins of the organization, enabled or not. */
    List<Account> admins(String organizationId);

    /**
     * The person is no longer an admin of the organization: the account is deleted, unless it holds another platform
     * role (a subcommittee chair, say), in which case it only loses the member-admin role. Nothing happens to an
     * account that is gone already.
     *
     * @throws IllegalArgumentException when the account belongs to another organization
     */
    void remove(String organizationId, String userId);

    /** Deletes the account, whatever roles it has (an erasure request); an account that is gone already is fine. */
    void delete(String userId);

    /**
     * @param pendingActions what the person still has to do before signing in (e.g. UPDATE_PASSWORD, VERIFY_EMAIL)
     */
    record Account(String id, String username, String email, boolean enabled, List<String> pendingActions) {
    }

    /**
     * What {@link #provision} did.
     *
     * @param userId         the account's id; null unless {@link Status#CREATED} or {@link Status#REUSED}
     * @param invitationSent whether the e-mail with the pending actions went out (false when none was needed or the
     *                       identity provider could not send it)
     * @param detail         why the account was not provisioned, without personal data; null otherwise
     */
    record Provisioning(Status status, String userId, boolean invitationSent, String detail) {

        public boolean created() {
            return status == Status.CREATED;
        }

        public boolean provisioned() {
            return status == Status.CREATED || status == Status.REUSED;
        }
    }

    enum Status {
        /** A new account was made. */
        CREATED,
        /** An account with the address existed; it now has the role and the organization. */
        REUSED,
        /** The address has an account that acts for another organization; an account acts for one only. */
        BELONGS_TO_ANOTHER_ORGANIZATION,
        /** The identity provider refused the data (e.g. an address it does not accept); retrying will not help. */
        REFUSED
    }
}
