package jp.kodoku.platform.membership.directory;

import jp.kodoku.platform.infra.personaldata.PersonalDataVault;
import jp.kodoku.platform.infra.personaldata.SealedValue;
import jp.kodoku.platform.infra.text.JapaneseText;
import jp.kodoku.platform.membership.api.*;
import jp.kodoku.platform.membership.directory.DirectoryIndex.Entry;
import jp.kodoku.platform.membership.directory.DirectoryIndex.Order;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Answers the reads of the {@code organizations} read model. Every filter value is bound as a value (never parsed
 * as a query document), so a client cannot smuggle MongoDB operators in.
 */
@Component
class DirectoryQueries {

    public static final int MAX_LIMIT = 100;

    private final MongoTemplate mongo;
    private final PersonalDataVault vault;
    private final DirectoryIndex index;

    DirectoryQueries(MongoTemplate mongo, PersonalDataVault vault, DirectoryIndex index) {
        this.mongo = mongo;
        this.vault = vault;
        this.index = index;
    }

    @QueryHandler
    DirectoryPage handle(ListDirectory query) {
        DirectoryFilter f = query.filter() == null ? DirectoryFilter.none() : query.filter();
        Search search = new Search()
                .where(Criteria.where("status").is(OrganizationStatus.ACTIVE.name()),
                        e -> e.status() == OrganizationStatus.ACTIVE)
                .where(Criteria.where("profile.consentToPublish").is(true), Entry::published)
                .text(f.text())
                .oneOf("category", f.categories(), Entry::category)
                .oneOf("profile.bodyType", f.bodyTypes(), Entry::bodyType)
                .anyOf("profile.fieldsOfActivity", f.fieldsOfActivity(), Entry::fieldsOfActivity)
                .anyOf("profile.targetGroups", f.targetGroups(), Entry::targetGroups)
                .anyOf("profile.consultationCapabilities", f.consultationCapabilities(), Entry::consultationCapabilities);
        if (!f.prefectureCodes().isEmpty()) {
            search.where(new Criteria().orOperator(Criteria.where("profile.nationwide").is(true),
                            Criteria.where("profile.prefectureCodes").in(f.prefectureCodes())),
                    e -> e.nationwide() || !Collections.disjoint(e.prefectureCodes(), f.prefectureCodes()));
        }
        if (f.steeringMember() != null) {
            search.where(Criteria.where("steeringMember").is(f.steeringMember()),
                    e -> e.steeringMember() == f.steeringMember());
        }
        DirectorySort sort = query.sort() == null ? DirectorySort.READING : query.sort();
        Page<DirectoryEntry> page = page(search, sort.name(),
                sort == DirectorySort.READING ? Order.READING : Order.JOINED, sort != DirectorySort.JOINED_ON_DESC,
                query.cursor(), query.limit(), OrganizationView::toDirectoryEntry, Entry::directoryEntry);
        return new DirectoryPage(page.items(), page.nextCursor());
    }

    @QueryHandler
    Optional<DirectoryEntry> handle(FindDirectoryEntry query) {
        return Optional.ofNullable(mongo.findById(query.organizationId().value(), OrganizationView.class))
                       .filter(v -> v.status == OrganizationStatus.ACTIVE && v.profile.consentToPublish())
                       .map(OrganizationView::toDirectoryEntry);
    }

    @QueryHandler
    OrganizationPage handle(ListOrganizations query) {
        Search search = new Search().oneOf("status", query.statuses(), Entry::status).text(query.text());
        Page<OrganizationSummary> page = page(search, "ORGANIZATIONS", Order.READING, true, query.cursor(), query.limit(),
                OrganizationView::toSummary, Entry::summary);
        return new OrganizationPage(page.items(), page.nextCursor());
    }

    @QueryHandler
    Optional<OrganizationDetails> handle(FindOrganization query) {
        return Optional.ofNullable(mongo.findById(query.organizationId().value(), OrganizationView.class))
                       .map(this::toDetails);
    }

    @QueryHandler
    Optional<OrganizationDetails> handle(FindApplicationByAccessToken query) {
        return Optional.ofNullable(mongo.findOne(
                               Query.query(Criteria.where("accessTokenHash").is(query.accessTokenHash())), OrganizationView.class))
                       .map(this::toDetails);
    }

    private record Page<T>(List<T> items, String nextCursor) {
    }

    /**
     * One search, said twice in the same place: as a MongoDB query and as a test of an index entry, so that the
     * database and the in-memory index (see DirectoryIndex) answer alike. DirectoryIndexTest compares the two.
     */
    private static final class Search {

        private final List<Criteria> criteria = new ArrayList<>();
        private Predicate<Entry> matches = entry -> true;
        /** The search key of the text searched for, if any: the index narrows its walk with it. */
        private String textKey;

        Search where(Criteria criterion, Predicate<Entry> test) {
            criteria.add(criterion);
            matches = matches.and(test);
            return this;
        }

        /** No organization matches: the text searched for has nothing left to match. */
        private boolean nothing;

        /**
         * Partial match on the normalized name and reading: hiragana, katakana, both widths, small and large kana, with
         * and without ー find the same (JapaneseText.searchKey).
         */
        Search text(String text) {
            String key = text == null ? "" : JapaneseText.searchKey(text);
            if (key.isEmpty()) {
                // 「ー」 or 「（）」 is a search for something, if nothing findable: not a listing of everything
                nothing = text != null && !text.isBlank();
                return this;
            }
            textKey = key;
            return where(Criteria.where("searchKey").regex(Pattern.quote(key)),
                    e -> e.searchKey() != null && e.searchKey().contains(key));
        }

        /** A single-valued field equal to one of the values (an absent field equals none). */
        Search oneOf(String field, Collection<?> values, Function<Entry, Object> value) {
            return values.isEmpty() ? this : where(Criteria.where(field).in(names(values)), e -> {
                Object actual = value.apply(e);
                return actual != null && values.contains(actual); // immutable sets refuse contains(null)
            });
        }

        /** An array field holding at least one of the values. */
        Search anyOf(String field, Collection<?> values, Function<Entry, Set<?>> value) {
            return values.isEmpty() ? this : where(Criteria.where(field).in(names(values)),
                    e -> !Collections.disjoint(value.apply(e), values));
        }

        private static List<Object> names(Collection<?> values) {
            return values.stream().map(v -> v instanceof Enum<?> e ? (Object) e.name() : v).toList();
        }
    }

    /**
     * @param fromDocument the item made from an organization's document (the database answers)
     * @param fromEntry    the same item, kept in its index entry (the index answers)
     */
    private <T> Page<T> page(Search search, String sortName, Order order, boolean ascending, String cursorValue,
                             int limit, Function<OrganizationView, T> fromDocument, Function<Entry, T> fromEntry) {
        int size = Math.max(1, Math.min(limit, MAX_LIMIT));
        Cursor cursor = Cursor.decode(cursorValue, sortName);
        String after = cursor == null ? null : cursor.lastKey();
        if (search.nothing) {
            return new Page<>(List.of(), null);
        }
        if (index.answers()) {
            List<Entry> found = index.find(search.matches, search.textKey, order, ascending, after, size + 1);
            boolean more = found.size() > size;
            List<Entry> page = more ? found.subList(0, size) : found;
            return new Page<>(page.stream().map(fromEntry).toList(),
                    more ? new Cursor(sortName, page.get(size - 1).key(order)).encode() : null);
        }
        String sortField = order.field;
        List<Criteria> all = new ArrayList<>(search.criteria);
        all.add(Criteria.where(sortField).exists(true).ne(null));
        if (after != null) {
            all.add(ascending ? Criteria.where(sortField).gt(after) : Criteria.where(sortField).lt(after));
        }
        Query query = Query.query(new Criteria().andOperator(all))
                           .with(Sort.by(ascending ? Sort.Direction.ASC : Sort.Direction.DESC, sortField))
                           .limit(size + 1);
        List<OrganizationView> found = mongo.find(query, OrganizationView.class);
        boolean more = found.size() > size;
        List<OrganizationView> page = more ? found.subList(0, size) : found;
        return new Page<>(page.stream().map(fromDocument).toList(),
                more ? new Cursor(sortName, order.keyOf(page.get(size - 1))).encode() : null);
    }

    private OrganizationDetails toDetails(OrganizationView v) {
        List<ContactView> contacts = v.contacts.stream().map(c -> toContact(v, c)).toList();
        return new OrganizationDetails(v.id, v.version, v.status, v.memberNumber, v.category, v.profile,
                v.steeringMember, date(v.steeringTermStart), date(v.steeringTermEnd), date(v.joinedOn),
                date(v.withdrawnOn), v.bylawsVersion, v.lastDecisionNote, v.submittedAt, v.lastChangedAt, contacts);
    }

    private ContactView toContact(OrganizationView v, ContactPerson c) {
        boolean erased = v.erasedContactIds.contains(c.contactId().value());
        boolean primary = c.contactId().value().equals(v.primaryContactId);
        if (erased) {
            return new ContactView(c.contactId().value(), null, null, null, c.department(), primary, true);
        }
        return new ContactView(c.contactId().value(), unseal(c.name()), unseal(c.email()), unseal(c.phone()),
                c.department(), primary, false);
    }

    private String unseal(SealedValue value) {
        return vault.unseal(value).orElse(null);
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }
}
