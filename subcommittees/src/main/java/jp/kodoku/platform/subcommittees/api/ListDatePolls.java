package jp.kodoku.platform.subcommittees.api;

/** A subcommittee's date polls, newest first: {@link DatePollSummary}s. */
public record ListDatePolls(SubcommitteeId subcommitteeId) {
}
