package jp.kodoku.platform.subcommittees.api;

import java.time.Instant;
import java.util.List;

/** A date poll was opened. */
public record DatePollOpened(PollId pollId, SubcommitteeId subcommitteeId, String title, Instant deadline, List<PollSlot> slots) {
}
