package jp.kodoku.platform.subcommittees.api;

public enum MinutesStatus {
    DRAFT, FINALIZED
}
