package jp.kodoku.platform.subcommittees.api;

/** Who may read minutes or a deliverable: the subcommittee's members (with its chair and the secretariat), or anyone. */
public enum Visibility {
    MEMBERS, PUBLIC
}
