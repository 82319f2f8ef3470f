package jp.kodoku.platform.membership.directory;

import jp.kodoku.platform.infra.text.JapaneseText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Makes anew, by the current rules of JapaneseText.searchKey, the search keys of the {@code organizations} documents
 * written with older rules (their {@code searchKeyVersion} is older, or absent): searches make their keys by the
 * current rules, and an old key would not contain them (ネットワーク's old key holds っ and ー, the new search text has
 * neither). The name and reading are in the document, so no replay is needed; a rebuild of {@code directory} would
 * do the same, only slower and with the directory incomplete meanwhile.
 *
 * <p>It runs while the platform starts, before the event processors and before the in-memory index loads
 * (DirectoryIndex, after the platform is ready), so both the database and the index answer with the new keys. Each
 * update holds only if the document is still the one read (same version and key version): a projection writing on
 * another instance meanwhile wins, and writes the current key itself (OrganizationsProjection.apply).
 */
@Component
class SearchKeyUpgrade {

    private static final Logger log = LoggerFactory.getLogger(SearchKeyUpgrade.class);
    private static final int BATCH = 1_000;

    SearchKeyUpgrade(MongoTemplate mongo) {
        upgrade(mongo);
    }

    /** @return how many documents got a new key */
    static int upgrade(MongoTemplate mongo) {
        long t0 = System.nanoTime();
        int upgraded = 0;
        while (true) {
            Query outdated = Query.query(new Criteria().andOperator(
                    Criteria.where("profile").ne(null),
                    Criteria.where("searchKeyVersion").ne(JapaneseText.SEARCH_KEY_VERSION))).limit(BATCH);
            outdated.fields().exclude("contacts");
            List<OrganizationView> views = mongo.find(outdated, OrganizationView.class);
            if (views.isEmpty()) {
                break;
            }
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, OrganizationView.class);
            for (OrganizationView view : views) {
                Integer before = view.searchKeyVersion;
                OrganizationsProjection.setSearchKey(view);
                bulk.updateOne(Query.query(Criteria.where("_id").is(view.id).and("version").is(view.version)
                                                  .and("searchKeyVersion").is(before)),
                        Update.update("searchKey", view.searchKey).set("searchKeyVersion", view.searchKeyVersion));
            }
            int modified = bulk.execute().getModifiedCount();
            upgraded += modified;
            if (modified == 0) {
                // every document read was changed meanwhile by a projection, which gives it the current key;
                // whatever is left then is written by an instance with older rules, and its next write here mends it
                break;
            }
        }
        if (upgraded > 0) {
            log.info("Directory search keys: {} made anew by the rules of version {} in {} ms", upgraded,
                    JapaneseText.SEARCH_KEY_VERSION, (System.nanoTime() - t0) / 1_000_000);
        }
        return upgraded;
    }
}
