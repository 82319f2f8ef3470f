package jp.kodoku.platform.subcommittees.api;

import java.time.Instant;

public record DatePollSummary(String pollId, String subcommitteeId, String title, Instant deadline, PollStatus status,
                              int slots, int answered, long version) {
}
