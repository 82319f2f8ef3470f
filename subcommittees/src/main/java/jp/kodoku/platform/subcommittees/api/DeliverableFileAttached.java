package jp.kodoku.platform.subcommittees.api;

import jp.kodoku.platform.infra.files.StoredFile;

public record DeliverableFileAttached(DeliverableId deliverableId, SubcommitteeId subcommitteeId, StoredFile file) {
}
