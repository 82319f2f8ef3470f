package jp.kodoku.platform.membership.directory;

import jp.kodoku.platform.membership.api.ContactPerson;
import jp.kodoku.platform.membership.api.DirectoryEntry;
import jp.kodoku.platform.membership.api.MemberCategory;
import jp.kodoku.platform.membership.api.OrganizationProfile;
import jp.kodoku.platform.membership.api.OrganizationSummary;
import jp.kodoku.platform.membership.api.OrganizationStatus;
import jp.kodoku.platform.infra.readmodel.VersionedDocument;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The read model of one organization, in the {@code organizations} collection. Contacts stay sealed here: an erasure
 * makes them unreadable without touching this document. Dates are ISO strings so that range filters compare the same
 * way on every MongoDB server.
 */
@Document(OrganizationView.COLLECTION)
class OrganizationView extends VersionedDocument<OrganizationView> {

    static final String COLLECTION = "organizations";

    OrganizationStatus status;
    Integer memberNumber;
    MemberCategory category;
    OrganizationProfile profile;
    boolean steeringMember;
    String steeringTermStart;
    String steeringTermEnd;
    String joinedOn;
    String withdrawnOn;
    String bylawsVersion;
    String accessTokenHash;
    /** The comment of a send-back, or the reason of the last rejection, suspension or withdrawal. */
    String lastDecisionNote;
    Instant submittedAt;
    Instant lastChangedAt;
    List<ContactPerson> contacts = new ArrayList<>();
    String primaryContactId;
    List<String> erasedContactIds = new ArrayList<>();

    /** Normalized name and reading (see JapaneseText.searchKey), for partial, kana-insensitive search. */
    String searchKey;
    /**
     * The JapaneseText.SEARCH_KEY_VERSION the search key was made with; absent (null) in documents written before
     * the rules were versioned. An older key is made anew (see OrganizationsProjection).
     */
    Integer searchKeyVersion;
    /** 五十音 key of the reading + id: a unique, totally ordered key for cursor pagination. */
    String readingKey;
    /** Joining date + id, for the same reason. */
    String joinedKey;

    /** The public directory's view of the organization (no contacts, nothing internal). */
    DirectoryEntry toDirectoryEntry() {
        return new DirectoryEntry(id, memberNumber == null ? 0 : memberNumber, profile.name(), profile.nameKana(),
                profile.legalForm(), profile.corporateNumber(), profile.bodyType(), category, profile.nationwide(),
                profile.prefectureCodes().stream().sorted().toList(),
                profile.fieldsOfActivity().stream().sorted().toList(),
                profile.targetGroups().stream().sorted().toList(),
                profile.consultationCapabilities().stream().sorted().toList(),
                profile.website(), profile.publicDescription(), steeringMember,
                joinedOn == null ? null : LocalDate.parse(joinedOn));
    }

    /** A line of the secretariat's lists. */
    OrganizationSummary toSummary() {
        return new OrganizationSummary(id, version, status, memberNumber, profile.name(), profile.nameKana(), category,
                submittedAt, lastChangedAt, lastDecisionNote);
    }
}
