package jp.kodoku.platform.subcommittees.api;

/** One date poll as its table: an optional {@link DatePollTable}. */
public record FindDatePoll(PollId pollId) {
}
