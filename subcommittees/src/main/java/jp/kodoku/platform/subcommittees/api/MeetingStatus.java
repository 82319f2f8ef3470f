package jp.kodoku.platform.subcommittees.api;

public enum MeetingStatus {
    SCHEDULED, RESCHEDULED, CANCELLED
}
