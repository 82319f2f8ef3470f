package jp.kodoku.platform.infra.identity;

import java.util.Optional;

/**
 * The sign-in accounts of subcommittee chairs (分科会座長) in the identity provider. A chair runs one subcommittee: the
 * realm role {@code subcommittee-chair} and the single-valued attribute {@code subcommittee_id}, which reaches the
 * platform as a token claim. Every operation is safe to repeat.
 */
public interface ChairAccounts {

    /** The realm role of a chair. */
    String CHAIR_ROLE = "subcommittee-chair";
    /** The user attribute that names the subcommittee a chair runs. */
    String SUBCOMMITTEE_ATTRIBUTE = "subcommittee_id";

    /** The account, or empty when there is none with this id. */
    Optional<Account> find(String userId);

    /** Gives the account the role and the subcommittee (replacing none: the caller checked it chairs no other). */
    void appoint(String userId, String subcommitteeId);

    /**
     * Takes the role and the subcommittee from the account and ends its sessions, if it still chairs this subcommittee;
     * an account that is gone, or chairs another one meanwhile, is left alone.
     */
    void end(String userId, String subcommitteeId);

    /**
     * @param organizationId the organization the account acts for ({@code organization_id}), or null
     * @param subcommitteeId the subcommittee it chairs now, or null
     */
    record Account(String id, String organizationId, String subcommitteeId) {
    }
}
