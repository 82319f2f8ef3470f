package jp.kodoku.platform.subcommittees.api;

/** A subcommittee's deliverables by date, newest last: {@link DeliverableSummary}s. */
public record ListDeliverables(SubcommitteeId subcommitteeId) {
}
