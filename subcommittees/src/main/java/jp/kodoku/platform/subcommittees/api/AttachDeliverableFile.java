package jp.kodoku.platform.subcommittees.api;

import jp.kodoku.platform.infra.files.Upload;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Attaches a file (the report itself, an annex) to a deliverable; checked and stored in the command's transaction. */
public record AttachDeliverableFile(@TargetAggregateIdentifier DeliverableId deliverableId, SubcommitteeId subcommitteeId,
                                    @TargetAggregateVersion Long expectedVersion, Upload file) {
}
