package jp.kodoku.platform.membership.directory;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import jp.kodoku.platform.infra.readmodel.ReadModelBatches;
import jp.kodoku.platform.infra.text.JapaneseText;
import jp.kodoku.platform.membership.api.*;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * A read model built before the search rules changed (small kana, ー) holds keys the new search texts do not match;
 * at start-up its keys are made anew, and then the database and the in-memory index find by the new rules.
 */
class SearchKeyUpgradeTest {

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private OrganizationsProjection projection;
    private OrganizationId network;
    private OrganizationId centre;

    @BeforeEach
    void aDirectoryWrittenByTheFirstSearchRules() {
        server = new MongoServer(H2Backend.inMemory());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongo = new MongoTemplate(client, "search_key_upgrade_test");
        projection = new OrganizationsProjection(mongo, new ReadModelBatches(mongo, () -> { }),
                new DirectoryIndex(mongo, "database", ""));
        network = member("こども居場所ネットワークさくら", "コドモイバショネットワークサクラ");
        centre = member("ひだまり相談センター", "ヒダマリソウダンセンター");
        for (OrganizationView view : mongo.findAll(OrganizationView.class)) {
            // as version 1 wrote it: no key version, and the key by the first rules (those of nameKey)
            mongo.updateFirst(Query.query(where("_id").is(view.id)), new Update().unset("searchKeyVersion")
                    .set("searchKey", JapaneseText.nameKey(view.profile.name()) + "\u0001"
                            + JapaneseText.nameKey(view.profile.nameKana())), OrganizationView.class);
        }
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void oldKeysDoNotMatchTheNewSearchTextsNotEvenTheNameAsWritten() {
        assertThat(found(fromDatabase(), "ネツトワーク")).isEmpty();
        assertThat(found(fromDatabase(), "ねっとわく")).isEmpty();
        assertThat(found(fromDatabase(), "ネットワーク")).isEmpty();
    }

    @Test
    void theUpgradeMakesEveryOldKeyAnewAndThenTheDatabaseAndTheIndexFindByTheNewRules() {
        assertThat(SearchKeyUpgrade.upgrade(mongo)).isEqualTo(2);

        for (DirectoryQueries queries : List.of(fromDatabase(), fromLoadedIndex())) {
            assertThat(found(queries, "ネツトワーク")).containsExactly(network.value());
            assertThat(found(queries, "ねっとわく")).containsExactly(network.value());
            assertThat(found(queries, "センタ-")).containsExactly(centre.value());
            assertThat(found(queries, "ｿｳﾀﾞﾝｾﾝﾀ〜")).containsExactly(centre.value());
            assertThat(found(queries, "ネットワーク")).containsExactly(network.value());
        }
        assertThat(mongo.findAll(OrganizationView.class))
                .allSatisfy(view -> assertThat(view.searchKeyVersion).isEqualTo(JapaneseText.SEARCH_KEY_VERSION));
    }

    @Test
    void aSecondUpgradeFindsNothingToDo() {
        SearchKeyUpgrade.upgrade(mongo);

        assertThat(SearchKeyUpgrade.upgrade(mongo)).isZero();
    }

    @Test
    void anyEventOnAnOldDocumentGivesItTheCurrentKey() {
        projection.on(new SteeringMemberAppointed(network, LocalDate.of(2024, 5, 1), LocalDate.of(2026, 4, 30)), 2,
                Instant.parse("2024-05-01T00:00:00Z"));

        OrganizationView view = mongo.findById(network.value(), OrganizationView.class);
        assertThat(view.searchKeyVersion).isEqualTo(JapaneseText.SEARCH_KEY_VERSION);
        assertThat(found(fromDatabase(), "ネツトワーク")).containsExactly(network.value());
    }

    private OrganizationId member(String name, String kana) {
        OrganizationId id = OrganizationId.random();
        Instant at = Instant.parse("2022-04-01T00:00:00Z");
        OrganizationProfile profile = new OrganizationProfile(name, kana, LegalForm.NPO_CORPORATION, null,
                BodyType.NPO_SUPPORT, false, Set.of("13"), Set.of(), Set.of(), Set.of(), null, null, true);
        projection.on(new MembershipApplicationSubmitted(id, profile, MemberCategory.REGULAR,
                new ContactPerson(ContactId.random(), null, null, null, null), "2022-02", "hash-" + id.value()), 0, at);
        projection.on(new MembershipApplicationApproved(id, 1, MemberCategory.REGULAR, LocalDate.of(2022, 4, 1)), 1, at);
        return id;
    }

    private DirectoryQueries fromDatabase() {
        return new DirectoryQueries(mongo, null, new DirectoryIndex(mongo, "database", ""));
    }

    /** As at a restart: the index loads from the collection once the platform is ready. */
    private DirectoryQueries fromLoadedIndex() {
        DirectoryIndex index = new DirectoryIndex(mongo, "memory", "");
        index.startLoading();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(index::answers);
        return new DirectoryQueries(mongo, null, index);
    }

    private static List<String> found(DirectoryQueries queries, String text) {
        DirectoryFilter filter = new DirectoryFilter(text, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null);
        return queries.handle(new ListDirectory(filter, DirectorySort.READING, null, 100)).items().stream()
                      .map(DirectoryEntry::organizationId).toList();
    }
}
