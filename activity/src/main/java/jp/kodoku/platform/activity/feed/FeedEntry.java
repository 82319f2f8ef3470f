package jp.kodoku.platform.activity.feed;

import jp.kodoku.platform.activity.api.ActivityKind;
import jp.kodoku.platform.activity.api.Audience;
import jp.kodoku.platform.infra.readmodel.VersionedDocument;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * One entry of the feed ({@code activity_entries}), made by one event: its id is the source aggregate's and the
 * event's sequence number, its version that sequence number, so a redelivered event finds it made and changes nothing.
 */
@Document("activity_entries")
class FeedEntry extends VersionedDocument<FeedEntry> {

    /** When it happened: UTC, nine fraction digits, so that the text sorts as the time does. */
    String at;
    ActivityKind kind;
    Audience audience;
    String subcommitteeId;
    List<String> organizationIds = new ArrayList<>();
    /** The sentence, with {@link Sentence#organization(int)} marks where the organizations' names go. */
    String sentence;
    String link;
    /**
     * The subject (a meeting, minutes, a deliverable) whose visibility this entry follows: while that subject is public
     * ({@link Subject#publicNow}) everyone reads the entry, whatever its {@link #audience}; null for the others.
     */
    String publicWith;
}
