package jp.kodoku.platform.subcommittees.api;

public record DeliverableFileRemoved(DeliverableId deliverableId, SubcommitteeId subcommitteeId, String sha256) {
}
