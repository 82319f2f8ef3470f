package jp.kodoku.platform.activity.feed;

import jp.kodoku.platform.infra.readmodel.ReadModelBatches;
import jp.kodoku.platform.infra.readmodel.VersionedDocuments;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** The {@link Subject}s, through the versioned upsert: each changed by the events of its own aggregate, in order. */
@Component
class Subjects {

    private final MongoTemplate mongo;
    private final VersionedDocuments<Subject> subjects;

    Subjects(MongoTemplate mongo, ReadModelBatches batches) {
        this.mongo = mongo;
        this.subjects = batches.versioned(Subject.class, Subject::new);
    }

    /**
     * The subject as it was before this event and as the event leaves it; {@code applied} false when the event had
     * been applied already (a redelivery), and then nothing is to be told again.
     */
    record Change(boolean applied, Subject before, Subject after) {
    }

    Change change(String aggregateId, long sequence, Consumer<Subject> change) {
        Subject[] before = new Subject[1];
        Subject after = subjects.upsert(aggregateId, sequence, s -> {
            before[0] = s.copy();
            change.accept(s);
        });
        return new Change(before[0] != null, before[0] == null ? after : before[0], after);
    }

    /**
     * The subjects public now, whose entries everyone reads: asked on every read, so that a meeting made members-only
     * again leaves the public feed at once, its older entries included (ADR 0046). Minutes count only while their
     * meeting is public too.
     */
    Set<String> publicNow() {
        Query query = Query.query(Criteria.where("publicNow").is(true));
        query.fields().include("publicOnlyWith");
        List<Subject> found = mongo.find(query, Subject.class);
        Set<String> ids = new HashSet<>();
        found.forEach(s -> ids.add(s.id));
        Set<String> publicNow = new HashSet<>();
        found.stream().filter(s -> s.publicOnlyWith == null || ids.contains(s.publicOnlyWith))
             .forEach(s -> publicNow.add(s.id));
        return publicNow;
    }

    /** For the reset before a rebuild ({@link MembershipActivity}). */
    void dropAll() {
        mongo.dropCollection(Subject.class);
    }
}
