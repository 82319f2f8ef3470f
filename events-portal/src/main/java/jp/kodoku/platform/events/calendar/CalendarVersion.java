package jp.kodoku.platform.events.calendar;

import jp.kodoku.platform.events.api.FindCalendarVersion;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The calendar's version: one document in the read-model store that the calendar's projections move after each of
 * their writes, so that every node reads the same version (a node's kept feeds are valid while it holds; ADR 0041).
 *
 * <p>It moves <em>after</em> the documents are written: a reader that sees a version sees at least the documents of
 * that version, so a feed kept under it is never older than it. The counter only grows (a replay moves it further);
 * its epoch, drawn when the document is first made, changes if the store loses the document (a restore, a new
 * database), so a counter that starts again from 1 never repeats a version a client holds in its ETag. Not dropped
 * on a rebuild: the rebuild's writes move it like any others.
 */
@Component
class CalendarVersion {

    static final String COLLECTION = "calendar_version";
    private static final String ID = "calendar";

    private final MongoTemplate mongo;

    CalendarVersion(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Something the calendar shows has been written. */
    void moved() {
        mongo.upsert(query(where("_id").is(ID)),
                new Update().inc("counter", 1L).setOnInsert("epoch", UUID.randomUUID().toString()), COLLECTION);
    }

    @QueryHandler
    String handle(FindCalendarVersion query) {
        Document version = mongo.findById(ID, Document.class, COLLECTION);
        return version == null ? "none" : version.getString("epoch") + "." + version.get("counter");
    }
}
