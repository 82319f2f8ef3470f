package jp.kodoku.platform.subcommittees.meeting;

import jp.kodoku.platform.infra.readmodel.VersionedDocument;
import jp.kodoku.platform.subcommittees.api.MinutesStatus;
import jp.kodoku.platform.subcommittees.api.Visibility;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A meeting's minutes at their newest revision ({@code minutes}); the id is the meeting's. */
@Document("minutes")
class MinutesView extends VersionedDocument<MinutesView> {

    String subcommitteeId;
    MinutesStatus status;
    Visibility audience;
    int revision;
    String text;
    Instant savedAt;
    String savedBy;
    Instant finalizedAt;
    Instant publishedAt;
}
