package jp.kodoku.platform.subcommittees.api;

import jp.kodoku.platform.infra.files.Upload;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Attaches a file (slides, a handout) to an agenda item; checked and stored by its bytes in the command's transaction. */
public record AttachAgendaFile(@TargetAggregateIdentifier MeetingId meetingId, SubcommitteeId subcommitteeId,
                               @TargetAggregateVersion Long expectedVersion, AgendaItemId itemId, Upload file) {
}
