package jp.kodoku.platform.subcommittees.api;

/** A subcommittee's minutes without their texts: {@link MinutesDetails}s. */
public record ListMinutes(SubcommitteeId subcommitteeId) {
}
