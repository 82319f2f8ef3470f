package jp.kodoku.platform.activity.api;

/**
 * Who reads the feed, as the gateway learned it from the token: never from the request.
 *
 * @param secretariat          reads everything
 * @param memberOrganizationId the organization a member admin acts for (its subcommittees are looked up), or null
 * @param chairedSubcommittee  the subcommittee a chair runs, or null
 */
public record ActivityViewer(boolean secretariat, String memberOrganizationId, String chairedSubcommittee) {

    public static ActivityViewer anyone() {
        return new ActivityViewer(false, null, null);
    }

    public static ActivityViewer secretariatStaff() {
        return new ActivityViewer(true, null, null);
    }

    public static ActivityViewer memberAdmin(String organizationId) {
        return new ActivityViewer(false, organizationId, null);
    }

    /** Members-only entries are for member organizations' staff; a chair is one. */
    public boolean member() {
        return memberOrganizationId != null || chairedSubcommittee != null;
    }
}
