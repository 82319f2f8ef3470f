package jp.kodoku.platform.subcommittees.api;

/** An organization at a meeting and how many of its people came. */
public record Attendance(OrganizationRef organization, int people) {
}
