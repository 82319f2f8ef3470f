package jp.kodoku.platform.subcommittees.subcommittee;

import jp.kodoku.platform.membership.api.OrganizationId;

/**
 * Whether an organization is an active member of the platform (会員, not applying, suspended or withdrawn): only those
 * join subcommittees and lead them ({@link MembershipHistory}).
 */
interface PlatformMembers {

    boolean isActive(OrganizationId organization);
}
