package jp.kodoku.platform.subcommittees.api;

/** One deliverable of this subcommittee: {@link DeliverableSummary}, or empty. */
public record FindDeliverable(SubcommitteeId subcommitteeId, DeliverableId deliverableId) {
}
