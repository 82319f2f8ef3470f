package jp.kodoku.platform.subcommittees.api;

/** How an organization became a member of a subcommittee. */
public enum JoinRoute {
    /** Added by the secretariat or a chair. */
    ADDED,
    /** Its member admin asked, a chair (or the secretariat) approved. */
    REQUEST_APPROVED,
    /** It was made a lead organization (担当幹事団体), which takes part in what it leads. */
    LEAD_ORGANIZATION
}
