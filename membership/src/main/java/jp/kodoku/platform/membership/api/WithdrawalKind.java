package jp.kodoku.platform.membership.api;

public enum WithdrawalKind {
    /** 退会届: the member asked to leave. */
    REQUESTED_BY_MEMBER,
    /** 除名等: the platform decided. */
    DECIDED_BY_PLATFORM
}
