package jp.kodoku.platform.subcommittees.api;

public record DeliverableVisibilityChanged(DeliverableId deliverableId, SubcommitteeId subcommitteeId,
                                           Visibility visibility) {
}
