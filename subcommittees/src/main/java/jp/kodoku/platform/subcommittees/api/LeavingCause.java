package jp.kodoku.platform.subcommittees.api;

/** Why an organization left a subcommittee. */
public enum LeavingCause {
    /** Removed by the secretariat or a chair, with a reason. */
    REMOVED,
    /** Its platform membership was suspended (資格停止). */
    MEMBERSHIP_SUSPENDED,
    /** It withdrew from the platform (退会). */
    MEMBERSHIP_WITHDRAWN
}
