package jp.kodoku.platform.subcommittees.api;

public enum SubcommitteeStatus {
    ACTIVE,
    /** 閉会: kept with its history, reason recorded; nothing changes any more. */
    CLOSED
}
