package jp.kodoku.platform.subcommittees.deliverable;

import jp.kodoku.platform.infra.files.StoredFile;
import jp.kodoku.platform.infra.readmodel.VersionedDocument;
import jp.kodoku.platform.subcommittees.api.DeliverableKind;
import jp.kodoku.platform.subcommittees.api.Visibility;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.List;

/** One deliverable in MongoDB ({@code deliverables}); the date as an ISO string, so that it sorts as text. */
@Document("deliverables")
class DeliverableView extends VersionedDocument<DeliverableView> {

    String subcommitteeId;
    String title;
    DeliverableKind kind;
    String date;
    String summary;
    Visibility visibility;
    List<String> meetingIds = new ArrayList<>();
    List<StoredFile> files = new ArrayList<>();
}
