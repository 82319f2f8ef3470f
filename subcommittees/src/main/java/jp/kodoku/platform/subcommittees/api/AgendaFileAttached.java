package jp.kodoku.platform.subcommittees.api;

import jp.kodoku.platform.infra.files.StoredFile;

/** A file was attached to an agenda item (its bytes are in the file store under {@code file.sha256}). */
public record AgendaFileAttached(MeetingId meetingId, SubcommitteeId subcommitteeId, AgendaItemId itemId,
                                 StoredFile file) {
}
