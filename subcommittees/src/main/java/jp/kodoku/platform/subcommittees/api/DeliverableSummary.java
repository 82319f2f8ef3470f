package jp.kodoku.platform.subcommittees.api;

import jp.kodoku.platform.infra.files.StoredFile;

import java.time.LocalDate;
import java.util.List;

/** A deliverable as it is read: its meetings by id, its files, and its version for If-Match. */
public record DeliverableSummary(String deliverableId, String subcommitteeId, String title, DeliverableKind kind,
                                 LocalDate date, String summary, Visibility visibility, List<String> meetingIds,
                                 List<StoredFile> files, long version) {
}
