package jp.kodoku.platform.activity.feed;

import jp.kodoku.platform.activity.api.Audience;
import jp.kodoku.platform.infra.readmodel.VersionedDocument;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * What the feed remembers of a thing whose later events name it only by id: an event of the portal, a meeting, a
 * meeting's minutes, a deliverable or a newsletter issue ({@code activity_subjects}, one document per aggregate): its
 * title, who may read about it, whether it is out yet, whether it is public now.
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
    /** A newsletter issue's number (第N号), from when it started going out. */
    Integer number;
    /**
     * Public now (a meeting marked public, minutes or a deliverable published to anyone): the entries that follow this
     * subject ({@link FeedEntry#publicWith}) are read by everyone while it is (ADR 0046).
     */
    boolean publicNow;
    /** Another subject that must be public too for this one to count as public: minutes name their meeting. */
    String publicOnlyWith;
}
