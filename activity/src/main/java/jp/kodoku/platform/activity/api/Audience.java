package jp.kodoku.platform.activity.api;

/**
 * Who may read an entry. Each wider audience includes the narrower ones' readers in reverse: the secretariat reads
 * everything, a member admin reads public, members-only and its own subcommittees' entries, anyone else public ones.
 */
public enum Audience {
    /** Anyone, without signing in: the public feed. */
    PUBLIC,
    /** Every member organization's staff (and the secretariat). */
    MEMBERS,
    /** The members of one subcommittee, its chair and the secretariat ({@link ActivityEntry#subcommitteeId()}). */
    SUBCOMMITTEE,
    /** The secretariat (事務局) only. */
    SECRETARIAT
}
