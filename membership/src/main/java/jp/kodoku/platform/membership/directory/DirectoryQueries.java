package jp.kodoku.platform.membership.directory;

import jp.kodoku.platform.infra.personaldata.PersonalDataVault;
import jp.kodoku.platform.infra.personaldata.SealedValue;
import jp.kodoku.platform.infra.text.JapaneseText;
import jp.kodoku.platform.membership.api.*;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
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

    DirectoryQueries(MongoTemplate mongo, PersonalDataVault vault) {
        this.mongo = mongo;
        this.vault = vault;
    }

    @QueryHandler
    DirectoryPage handle(ListDirectory query) {
        DirectoryFilter f = query.filter() == null ? DirectoryFilter.none() : query.filter();
        List<Criteria> and = new ArrayList<>();
        and.add(Criteria.where("status").is(OrganizationStatus.ACTIVE.name()));
        and.add(Criteria.where("profile.consentToPublish").is(true));
        textCriteria(f.text()).ifPresent(and::add);
        anyOf(and, "category", f.categories());
        anyOf(and, "profile.bodyType", f.bodyTypes());
        anyOf(and, "profile.fieldsOfActivity", f.fieldsOfActivity());
        anyOf(and, "profile.targetGroups", f.targetGroups());
        anyOf(and, "profile.consultationCapabilities", f.consultationCapabilities());
        if (!f.prefectureCodes().isEmpty()) {
            and.add(new Criteria().orOperator(Criteria.where("profile.nationwide").is(true),
                    Criteria.where("profile.prefectureCodes").in(f.prefectureCodes())));
        }
        if (f.steeringMember() != null) {
            and.add(Criteria.where("steeringMember").is(f.steeringMember()));
        }
        DirectorySort sort = query.sort() == null ? DirectorySort.READING : query.sort();
        Page<DirectoryEntry> page = page(and, sort.name(), sortField(sort), sort != DirectorySort.JOINED_ON_DESC,
                query.cursor(), query.limit(), DirectoryQueries::toEntry);
        return new DirectoryPage(page.items(), page.nextCursor());
    }

    @QueryHandler
    Optional<DirectoryEntry> handle(FindDirectoryEntry query) {
        return Optional.ofNullable(mongo.findById(query.organizationId().value(), OrganizationView.class))
                       .filter(v -> v.status == OrganizationStatus.ACTIVE && v.profile.consentToPublish())
                       .map(DirectoryQueries::toEntry);
    }

    @QueryHandler
    OrganizationPage handle(ListOrganizations query) {
        List<Criteria> and = new ArrayList<>();
        anyOf(and, "status", query.statuses());
        textCriteria(query.text()).ifPresent(and::add);
        Page<OrganizationSummary> page = page(and, "ORGANIZATIONS", "readingKey", true, query.cursor(), query.limit(),
                v -> new OrganizationSummary(v.id, v.version, v.status, v.memberNumber, v.profile.name(),
                        v.profile.nameKana(), v.category, v.submittedAt, v.lastChangedAt, v.lastDecisionNote));
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

    private <T> Page<T> page(List<Criteria> and, String sortName, String sortField, boolean ascending,
                                      String cursorValue, int limit, Function<OrganizationView, T> mapping) {
        int size = Math.max(1, Math.min(limit, MAX_LIMIT));
        Cursor cursor = Cursor.decode(cursorValue, sortName);
        List<Criteria> all = new ArrayList<>(and);
        all.add(Criteria.where(sortField).exists(true).ne(null));
        if (cursor != null) {
            all.add(ascending ? Criteria.where(sortField).gt(cursor.lastKey()) : Criteria.where(sortField).lt(cursor.lastKey()));
        }
        Query query = Query.query(new Criteria().andOperator(all))
                           .with(Sort.by(ascending ? Sort.Direction.ASC : Sort.Direction.DESC, sortField))
                           .limit(size + 1);
        List<OrganizationView> found = mongo.find(query, OrganizationView.class);
        boolean more = found.size() > size;
        List<OrganizationView> items = more ? found.subList(0, size) : found;
        String next = more ? new Cursor(sortName, sortKey(items.get(items.size() - 1), sortField)).encode() : null;
        return new Page<>(items.stream().map(mapping).toList(), next);
    }

    private static String sortField(DirectorySort sort) {
        return sort == DirectorySort.READING ? "readingKey" : "joinedKey";
    }

    private static String sortKey(OrganizationView v, String field) {
        return "readingKey".equals(field) ? v.readingKey : v.joinedKey;
    }

    /** Partial match on the normalized name and reading: hiragana, katakana and both widths find the same. */
    private static Optional<Criteria> textCriteria(String text) {
        String key = JapaneseText.searchKey(text);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Criteria.where("searchKey").regex(Pattern.quote(key)));
    }

    private static void anyOf(List<Criteria> and, String field, Collection<?> values) {
        if (!values.isEmpty()) {
            and.add(Criteria.where(field).in(values.stream().map(v -> v instanceof Enum<?> e ? e.name() : v).toList()));
        }
    }

    private static DirectoryEntry toEntry(OrganizationView v) {
        OrganizationProfile p = v.profile;
        return new DirectoryEntry(v.id, v.memberNumber == null ? 0 : v.memberNumber, p.name(), p.nameKana(),
                p.legalForm(), p.corporateNumber(), p.bodyType(), v.category, p.nationwide(),
                p.prefectureCodes().stream().sorted().toList(),
                p.fieldsOfActivity().stream().sorted().toList(),
                p.targetGroups().stream().sorted().toList(),
                p.consultationCapabilities().stream().sorted().toList(),
                p.website(), p.publicDescription(), v.steeringMember,
                v.joinedOn == null ? null : LocalDate.parse(v.joinedOn));
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
