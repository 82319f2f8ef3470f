package jp.kodoku.platform.membership.api;

/** Query: the accounts that act for the organization as its member admins (団体管理者), enabled or not. */
public record ListMemberAdmins(OrganizationId organizationId) {
}
