package jp.kodoku.platform.activity.feed;

import jp.kodoku.platform.activity.api.Audience;
import jp.kodoku.platform.infra.readmodel.VersionedDocument;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * What the feed remembers of a thing whose later events name it only by id: an event of the portal or a meeting
 * ({@code activity_subjects}, one document per aggregate): its title, who may read about it, whether it is out yet.
 */
@Document("activity_subjects")
class Subject extends VersionedDocument<Subject> {

    String title;
    /** シンポジウム, 現場課題ワークショップ … for an event; null for a meeting. */
    String kindName;
    Audience audience;
    List<String> organizationIds = new ArrayList<>();
    /** Announced: the public or the members know of it, so its changes are news. */
    boolean announced;
    String date;
}
