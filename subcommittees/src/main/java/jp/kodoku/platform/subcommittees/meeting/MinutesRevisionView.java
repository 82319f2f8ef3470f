package jp.kodoku.platform.subcommittees.meeting;

import jp.kodoku.platform.infra.readmodel.VersionedDocument;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** One revision of a meeting's minutes ({@code minutes_revisions}); the id is "meeting id/revision". Written once. */
@Document("minutes_revisions")
class MinutesRevisionView extends VersionedDocument<MinutesRevisionView> {

    String meetingId;
    String subcommitteeId;
    int revision;
    String text;
    String savedBy;
    Instant savedAt;
    Integer restoredFrom;
}
