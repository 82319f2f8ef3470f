package jp.kodoku.platform.activity.feed;

import jp.kodoku.platform.activity.api.ActivityKind;
import jp.kodoku.platform.activity.api.Audience;
import jp.kodoku.platform.infra.readmodel.ReadModelBatches;
import jp.kodoku.platform.infra.readmodel.VersionedDocuments;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Where every module's handler writes its entries: one entry per event at most, through the versioned upsert. A
 * module's events join the feed with one handler class in this package that calls {@link #add}.
 */
@Component
class FeedEntries {

    /** Fixed width, so that comparing the stored text compares the times. */
    static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
                                                         .withZone(ZoneOffset.UTC);

    private final MongoTemplate mongo;
    private final VersionedDocuments<FeedEntry> entries;

    FeedEntries(MongoTemplate mongo, ReadModelBatches batches) {
        this.mongo = mongo;
        this.entries = batches.versioned(FeedEntry.class, FeedEntry::new);
    }

    /**
     * What one event tells.
     *
     * @param sentence        with {@link Sentence#organization(int)} marks for the organizations' names
     * @param organizationIds the organizations concerned, in the order of the marks
     * @param publicWith      the subject whose being public makes the entry everyone's ({@link FeedEntry#publicWith})
     */
    record Told(ActivityKind kind, Audience audience, String sentence, List<String> organizationIds,
                String subcommitteeId, String link, String publicWith) {

        /** An entry whose audience is its own, not that of a subject whose visibility can change. */
        Told(ActivityKind kind, Audience audience, String sentence, List<String> organizationIds, String subcommitteeId,
             String link) {
            this(kind, audience, sentence, organizationIds, subcommitteeId, link, null);
        }

        Told {
            organizationIds = List.copyOf(organizationIds);
            if (audience == Audience.SUBCOMMITTEE && subcommitteeId == null) {
                throw new IllegalArgumentException("an entry for a subcommittee's members names the subcommittee");
            }
        }
    }

    /** The entry of the event with this sequence number of this aggregate; a second delivery changes nothing. */
    void add(String aggregateId, long sequence, Instant at, Told told) {
        entries.upsert(aggregateId + ":" + sequence, sequence, e -> {
            e.at = AT.format(at);
            e.kind = told.kind();
            e.audience = told.audience();
            e.sentence = told.sentence();
            e.organizationIds = told.organizationIds();
            e.subcommitteeId = told.subcommitteeId();
            e.link = told.link();
            e.publicWith = told.publicWith();
        });
    }

    /** For the reset before a rebuild ({@link MembershipActivity}). */
    void dropAll() {
        mongo.dropCollection(FeedEntry.class);
    }
}
