package jp.kodoku.platform.subcommittees.subcommittee;

import jp.kodoku.platform.membership.api.OrganizationId;

/**
 * Whether an organization is an active member of the platform (会員, not applying, suspended or withdrawn): only those
 * join subcommittees and lead them. Answered from membership's events as this module follows them
 * ({@link SubcommitteesProjection}), so it trails them by the projection's lag (milliseconds).
 */
interface PlatformMembers {

    boolean isActive(OrganizationId organization);
}
