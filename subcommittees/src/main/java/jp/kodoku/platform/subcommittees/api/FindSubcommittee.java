package jp.kodoku.platform.subcommittees.api;

/** One subcommittee with its members, requests and chairs: an optional {@link SubcommitteeDetails}. */
public record FindSubcommittee(SubcommitteeId subcommitteeId) {
}
