package jp.kodoku.platform.membership.directory;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import jp.kodoku.platform.infra.readmodel.ReadModelBatches;
import jp.kodoku.platform.membership.api.*;
import jp.kodoku.platform.demo.DemoOrganizations;
import jp.kodoku.platform.demo.DemoOrganizations.CategoryChange;
import jp.kodoku.platform.demo.DemoOrganizations.PlannedChange;
import jp.kodoku.platform.demo.DemoOrganizations.PlannedOrganization;
import jp.kodoku.platform.demo.DemoOrganizations.ProfileUpdate;
import jp.kodoku.platform.demo.DemoOrganizations.Suspension;
import jp.kodoku.platform.demo.DemoOrganizations.Withdrawal;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-memory index must answer every directory search and secretariat list exactly as the database query does:
 * the 409 demo organizations, projected from their events, searched both ways, every page walked, every entry
 * compared whole (a directory search answers from the index alone).
 *
 * <p>It lives among the demo data's tests, in the directory's package, because it needs the demo organizations and
 * membership cannot depend on the module that holds them.
 */
class DirectoryIndexTest {

    private static MongoServer server;
    private static MongoClient client;
    /** Fed by the projection, write by write. */
    private static DirectoryQueries liveIndex;
    /** Loaded from the collection afterwards, as at a restart. */
    private static DirectoryQueries loadedIndex;
    private static DirectoryQueries database;

    @BeforeAll
    static void projectTheDemoOrganizations() {
        server = new MongoServer(H2Backend.inMemory());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        MongoTemplate mongo = new MongoTemplate(client, "directory_index_test");
        DirectoryIndex index = new DirectoryIndex(mongo, "memory", "");
        OrganizationsProjection projection = new OrganizationsProjection(mongo, new ReadModelBatches(mongo, () -> { }), index);
        int memberNumber = 1;
        for (PlannedOrganization planned : DemoOrganizations.plan()) {
            memberNumber = project(planned, projection, memberNumber);
        }
        // list queries never unseal contacts: no vault
        liveIndex = new DirectoryQueries(mongo, null, loaded(index));
        loadedIndex = new DirectoryQueries(mongo, null, loaded(new DirectoryIndex(mongo, "memory", "")));
        database = new DirectoryQueries(mongo, null, new DirectoryIndex(mongo, "database", ""));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    static Stream<DirectoryFilter> directorySearches() {
        return Stream.of(
                DirectoryFilter.none(),
                filter("こども", Set.of(), Set.of(), null),
                filter("コドモ", Set.of(), Set.of(), null),
                filter("ｺﾄﾞﾓ", Set.of(), Set.of(), null),
                filter("居場所", Set.of(), Set.of(), null),
                filter("存在しない名前", Set.of(), Set.of(), null),
                filter("会", Set.of(), Set.of(), null),
                filter("ネツトワーク", Set.of(), Set.of(), null),
                filter("ねっとわく", Set.of(), Set.of(), null),
                filter("センタ-", Set.of(), Set.of(), null),
                filter("ｾﾝﾀ〜", Set.of(), Set.of(), null),
                filter("ー", Set.of(), Set.of(), null),
                filter(null, Set.of(MemberCategory.COOPERATING), Set.of(), null),
                filter(null, Set.of(MemberCategory.REGULAR, MemberCategory.SUPPORTING), Set.of("13"), null),
                filter(null, Set.of(), Set.of("27", "47"), null),
                filter(null, Set.of(), Set.of(), true),
                filter(null, Set.of(), Set.of(), false),
                new DirectoryFilter(null, Set.of(), Set.of(BodyType.values()[0]), Set.of(),
                        Set.of(FieldOfActivity.PLACE_TO_BELONG, FieldOfActivity.FOOD_SUPPORT), Set.of(), Set.of(), null),
                new DirectoryFilter(null, Set.of(), Set.of(), Set.of(), Set.of(),
                        Set.of(TargetGroup.CHILDREN_AND_YOUTH), Set.of(ConsultationCapability.LOCAL_SUPPORT), null),
                new DirectoryFilter("ねっと", Set.of(MemberCategory.REGULAR), Set.of(), Set.of("13", "14"),
                        Set.of(), Set.of(), Set.of(), false));
    }

    @ParameterizedTest
    @MethodSource("directorySearches")
    void aDirectorySearchFindsTheSameOrganizationsInTheSameOrderFromTheIndexAsFromTheDatabase(DirectoryFilter filter) {
        for (DirectorySort sort : DirectorySort.values()) {
            List<Object> expected = allPages(database, filter, sort);

            assertThat(allPages(liveIndex, filter, sort)).as("%s by %s, live index", filter, sort).isEqualTo(expected);
            assertThat(allPages(loadedIndex, filter, sort)).as("%s by %s, loaded index", filter, sort).isEqualTo(expected);
        }
    }

    @Test
    void theSearchesAboveFindSomethingToCompare() {
        assertThat(allPages(database, DirectoryFilter.none(), DirectorySort.READING)).hasSizeGreaterThan(300);
        assertThat(allPages(database, filter("こども", Set.of(), Set.of(), null), DirectorySort.READING)).isNotEmpty();
        assertThat(allPages(database, filter(null, Set.of(), Set.of(), true), DirectorySort.READING)).isNotEmpty();
        assertThat(allPages(database, filter("ネツトワーク", Set.of(), Set.of(), null), DirectorySort.READING))
                .isNotEmpty()
                .isEqualTo(allPages(database, filter("ネットワーク", Set.of(), Set.of(), null), DirectorySort.READING));
        assertThat(allPages(database, filter("ｾﾝﾀ〜", Set.of(), Set.of(), null), DirectorySort.READING)).isNotEmpty();
        assertThat(allPages(database, filter("ー", Set.of(), Set.of(), null), DirectorySort.READING)).isEmpty();
    }

    static Stream<ListOrganizations> secretariatLists() {
        return Stream.of(
                new ListOrganizations(Set.of(), null, null, 13),
                new ListOrganizations(Set.of(OrganizationStatus.APPLIED, OrganizationStatus.RETURNED_FOR_CHANGES), null, null, 13),
                new ListOrganizations(Set.of(OrganizationStatus.WITHDRAWN, OrganizationStatus.SUSPENDED, OrganizationStatus.REJECTED), null, null, 13),
                new ListOrganizations(Set.of(OrganizationStatus.ACTIVE), "センター", null, 13));
    }

    @ParameterizedTest
    @MethodSource("secretariatLists")
    void aSecretariatListIsTheSameFromTheIndexAsFromTheDatabase(ListOrganizations list) {
        List<Object> expected = allPages(database, list);

        assertThat(expected).isNotEmpty();
        assertThat(allPages(liveIndex, list)).isEqualTo(expected);
        assertThat(allPages(loadedIndex, list)).isEqualTo(expected);
    }

    @Test
    void aRenamedOrganizationIsFoundByItsNewNameAndNoLongerByItsOldOne() {
        MongoTemplate mongo = new MongoTemplate(client, "directory_index_rename_test");
        DirectoryIndex index = new DirectoryIndex(mongo, "memory", "");
        OrganizationsProjection projection = new OrganizationsProjection(mongo, new ReadModelBatches(mongo, () -> { }), index);
        PlannedOrganization planned = DemoOrganizations.plan().get(0);
        OrganizationId id = OrganizationId.random();
        Instant at = Instant.parse("2022-02-16T00:00:00Z");
        OrganizationProfile before = new ProfilePatch("ひだまり見守りネット", "ヒダマリミマモリネット", null, null, null, null,
                null, null, null, null, null, null, true, null).applyTo(planned.profile());
        projection.on(new MembershipApplicationSubmitted(id, before, MemberCategory.REGULAR,
                new ContactPerson(ContactId.random(), null, null, null, null), "2022-02", "hash"), 0, at);
        projection.on(new MembershipApplicationApproved(id, 1, MemberCategory.REGULAR, planned.joinedOn()), 1, at);

        OrganizationProfile after = new ProfilePatch("こもれび相談室", "コモレビソウダンシツ", null, null, null, null,
                null, null, null, null, null, null, null, null).applyTo(before);
        projection.on(new OrganizationProfileUpdated(id, after, List.of("name", "nameKana")), 2, at);

        DirectoryQueries fromIndex = new DirectoryQueries(mongo, null, loaded(index));
        DirectoryQueries fromDatabase = new DirectoryQueries(mongo, null, new DirectoryIndex(mongo, "database", ""));
        for (DirectoryQueries queries : List.of(fromIndex, fromDatabase)) {
            assertThat(allPages(queries, filter("見守り", Set.of(), Set.of(), null), DirectorySort.READING)).isEmpty();
            assertThat(allPages(queries, filter("ひだまり", Set.of(), Set.of(), null), DirectorySort.READING)).isEmpty();
            assertThat(allPages(queries, filter("こもれび", Set.of(), Set.of(), null), DirectorySort.READING))
                    .extracting(entry -> ((DirectoryEntry) entry).name()).containsExactly("こもれび相談室");
        }
    }

    /**
     * The index loads in the background once the platform is ready; until it has, the database answers, which would
     * make these tests moot.
     */
    private static DirectoryIndex loaded(DirectoryIndex index) {
        index.startLoading();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(index::answers);
        return index;
    }

    private static DirectoryFilter filter(String text, Set<MemberCategory> categories, Set<String> prefectures,
                                          Boolean steering) {
        return new DirectoryFilter(text, categories, Set.of(), prefectures, Set.of(), Set.of(), Set.of(), steering);
    }

    /** Every entry of every page, 7 at a time (so that cursors are crossed), in the order given. */
    private static List<Object> allPages(DirectoryQueries queries, DirectoryFilter filter, DirectorySort sort) {
        return walk(cursor -> {
            DirectoryPage page = queries.handle(new ListDirectory(filter, sort, cursor, 7));
            return new Page(page.items(), page.nextCursor());
        });
    }

    private static List<Object> allPages(DirectoryQueries queries, ListOrganizations list) {
        return walk(cursor -> {
            OrganizationPage page = queries.handle(new ListOrganizations(list.statuses(), list.text(), cursor, list.limit()));
            return new Page(page.items(), page.nextCursor());
        });
    }

    private record Page(List<?> items, String next) {
    }

    private static List<Object> walk(Function<String, Page> pages) {
        List<Object> items = new ArrayList<>();
        String cursor = null;
        do {
            Page page = pages.apply(cursor);
            items.addAll(page.items());
            cursor = page.next();
        } while (cursor != null);
        return items;
    }

    /** The events an organization's planned history produces, handled one by one as the processor would. */
    private static int project(PlannedOrganization planned, OrganizationsProjection projection, int memberNumber) {
        OrganizationId id = OrganizationId.random();
        Instant at = Instant.parse("2022-02-16T00:00:00Z");
        long seq = 0;
        OrganizationProfile profile = planned.profile();
        ContactPerson contact = new ContactPerson(ContactId.random(), null, null, null, "事務局");
        projection.on(new MembershipApplicationSubmitted(id, profile, planned.requestedCategory(), contact, "2022-02",
                "hash-" + id.value()), seq++, at);
        switch (planned.outcome()) {
            case SENT_BACK -> projection.on(new MembershipApplicationSentBack(id, planned.decisionNote()), seq, at);
            case REJECTED -> projection.on(new MembershipApplicationRejected(id, planned.decisionNote()), seq, at);
            case LEFT_APPLIED -> { }
            case APPROVED -> {
                projection.on(new MembershipApplicationApproved(id, memberNumber++, planned.requestedCategory(),
                        planned.joinedOn()), seq++, at);
                if (planned.steeringTermStart() != null) {
                    projection.on(new SteeringMemberAppointed(id, planned.steeringTermStart(), null), seq++, at);
                }
                MemberCategory category = planned.requestedCategory();
                for (PlannedChange change : planned.changes()) {
                    if (change instanceof CategoryChange c) {
                        projection.on(new MemberCategoryChanged(id, category, c.newCategory(), c.reason(), c.date()), seq++, at);
                        category = c.newCategory();
                    } else if (change instanceof Withdrawal w) {
                        projection.on(new MemberWithdrawn(id, WithdrawalKind.REQUESTED_BY_MEMBER, w.reason(), w.date()),
                                seq++, at);
                    } else if (change instanceof Suspension s) {
                        projection.on(new MemberSuspended(id, s.reason()), seq++, at);
                    } else if (change instanceof ProfileUpdate u) {
                        profile = u.patch().applyTo(profile);
                        projection.on(new OrganizationProfileUpdated(id, profile, List.of()), seq++, at);
                    }
                }
            }
        }
        return memberNumber;
    }
}
