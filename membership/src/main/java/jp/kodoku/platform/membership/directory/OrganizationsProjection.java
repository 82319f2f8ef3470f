package jp.kodoku.platform.membership.directory;

import jp.kodoku.platform.infra.readmodel.ReadModelBatches;
import jp.kodoku.platform.infra.readmodel.VersionedDocuments;
import jp.kodoku.platform.infra.text.JapaneseText;
import jp.kodoku.platform.membership.api.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Keeps the {@code organizations} collection: the public directory, the secretariat's lists and each organization's
 * own view, one document per organization, changed through {@link VersionedDocuments} (redelivery and replays leave
 * the same documents).
 */
@Component
@ProcessingGroup(OrganizationsProjection.PROCESSING_GROUP)
class OrganizationsProjection {

    static final String PROCESSING_GROUP = "directory";

    private final MongoTemplate mongo;
    private final VersionedDocuments<OrganizationView> views;
    private final DirectoryIndex index;

    OrganizationsProjection(MongoTemplate mongo, ReadModelBatches batches, DirectoryIndex index) {
        this.mongo = mongo;
        this.index = index;
        this.views = batches.versioned(OrganizationView.class, OrganizationView::new, index::put);
        createIndexes();
    }

    private void createIndexes() {
        var indexes = mongo.indexOps(OrganizationView.class);
        indexes.ensureIndex(new Index("status", Sort.Direction.ASC));
        indexes.ensureIndex(new Index("readingKey", Sort.Direction.ASC));
        indexes.ensureIndex(new Index("joinedKey", Sort.Direction.ASC));
        indexes.ensureIndex(new Index("accessTokenHash", Sort.Direction.ASC));
    }

    @ResetHandler
    void dropAll() {
        mongo.dropCollection(OrganizationView.class);
        index.clear();
        createIndexes();
    }

    @EventHandler
    void on(MembershipApplicationSubmitted e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.organizationId(), seq, at, v -> {
            v.status = OrganizationStatus.APPLIED;
            v.category = e.requestedCategory();
            v.bylawsVersion = e.bylawsVersion();
            v.accessTokenHash = e.accessTokenHash();
            v.submittedAt = at;
            v.contacts.add(e.primaryContact());
            v.primaryContactId = e.primaryContact().contactId().value();
            setProfile(v, e.profile());
        });
    }

    @EventHandler
    void on(MembershipApplicationResubmitted e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.organizationId(), seq, at, v -> {
            v.status = OrganizationStatus.APPLIED;
            v.category = e.requestedCategory();
            v.lastDecisionNote = null;
            v.submittedAt = at;
            replaceContact(v, e.primaryContact());
            setProfile(v, e.profile());
        });
    }

    @EventHandler
    void on(MembershipApplicationSentBack e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.organizationId(), seq, at, v -> {
            v.status = OrganizationStatus.RETURNED_FOR_CHANGES;
            v.lastDecisionNote = e.comment();
        });
    }

    @EventHandler
    void on(MembershipApplicationRejected e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.organizationId(), seq, at, v -> {
            v.status = OrganizationStatus.REJECTED;
            v.lastDecisionNote = e.reason();
        });
    }

    @EventHandler
    void on(MembershipApplicationApproved e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.organizationId(), seq, at, v -> {
            v.status = OrganizationStatus.ACTIVE;
            v.memberNumber = e.memberNumber();
            v.category = e.category();
            v.joinedOn = e.joinedOn().toString();
            v.joinedKey = v.joinedOn + "\u0001" + v.id;
            v.lastDecisionNote = null;
        });
    }

    @EventHandler
    void on(MemberCategoryChanged e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.organizationId(), seq, at, v -> v.category = e.to());
    }

    @EventHandler
    void on(SteeringMemberAppointed e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.organizationId(), seq, at, v -> {
            v.steeringMember = true;
            v.steeringTermStart = e.termStart().toString();
            v.steeringTermEnd = e.termEnd() == null ? null : e.termEnd().toString();
        });
    }

    @EventHandler
    void on(SteeringMemberTermEnded e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.organizationId(), seq, at, v -> {
            v.steeringMember = false;
            v.steeringTermEnd = e.endedOn().toString();
        });
    }

    @EventHandler
    void on(MemberSuspended e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.organizationId(), seq, at, v -> {
            v.status = OrganizationStatus.SUSPENDED;
            v.lastDecisionNote = e.reason();
        });
    }

    @EventHandler
    void on(MemberReinstated e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.organizationId(), seq, at, v -> {
            v.status = OrganizationStatus.ACTIVE;
            v.lastDecisionNote = e.reason();
        });
    }

    @EventHandler
    void on(MemberWithdrawn e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.organizationId(), seq, at, v -> {
            v.status = OrganizationStatus.WITHDRAWN;
            v.withdrawnOn = e.effectiveDate().toString();
            v.lastDecisionNote = e.reason();
        });
    }

    @EventHandler
    void on(OrganizationProfileUpdated e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.organizationId(), seq, at, v -> setProfile(v, e.profile()));
    }

    @EventHandler
    void on(ContactAdded e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.organizationId(), seq, at, v -> v.contacts.add(e.contact()));
    }

    @EventHandler
    void on(ContactChanged e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.organizationId(), seq, at, v -> replaceContact(v, e.contact()));
    }

    @EventHandler
    void on(ContactRemoved e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.organizationId(), seq, at,
                v -> v.contacts.removeIf(c -> c.contactId().equals(e.contactId())));
    }

    @EventHandler
    void on(PrimaryContactChanged e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.organizationId(), seq, at, v -> v.primaryContactId = e.contactId().value());
    }

    @EventHandler
    void on(ContactPersonalDataErased e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.organizationId(), seq, at, v -> {
            // The sealed values are unreadable already (their key is gone); dropping them too leaves nothing behind.
            v.contacts.replaceAll(c -> c.contactId().equals(e.contactId())
                    ? new ContactPerson(c.contactId(), null, null, null, c.department()) : c);
            v.erasedContactIds.add(e.contactId().value());
        });
    }

    /*
     * A proposal and a decision publish nothing here (an approval is followed by OrganizationProfileUpdated), but they
     * are versions of the organization: the document's version, the ETag clients read, must follow them, or a write
     * with that ETag would be refused as stale.
     */

    @EventHandler
    void on(ProfileChangeProposed e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.organizationId(), seq, at, v -> { });
    }

    @EventHandler
    void on(ProfileChangeApproved e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.organizationId(), seq, at, v -> { });
    }

    @EventHandler
    void on(ProfileChangeRejected e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.organizationId(), seq, at, v -> { });
    }

    @EventHandler
    void on(ProfileChangeProposalClosed e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.organizationId(), seq, at, v -> { });
    }

    private void apply(OrganizationId id, long seq, Instant at, Consumer<OrganizationView> change) {
        views.upsert(id.value(), seq, view -> {
            change.accept(view);
            view.lastChangedAt = at;
            if (view.profile != null && !isCurrent(view)) {
                // a document from before the search rules changed: every write leaves it with the current rules,
                // even if the upgrade at start-up (SearchKeyUpgrade) missed it
                setSearchKey(view);
            }
        });
    }

    private static void setProfile(OrganizationView v, OrganizationProfile profile) {
        v.profile = profile;
        setSearchKey(v);
        v.readingKey = JapaneseText.gojuonSortKey(profile.nameKana()) + "\u0001" + v.id;
    }

    /** The search key of the document's name and reading, by the current rules. */
    static void setSearchKey(OrganizationView v) {
        v.searchKey = JapaneseText.searchKey(v.profile.name()) + "\u0001" + JapaneseText.searchKey(v.profile.nameKana());
        v.searchKeyVersion = JapaneseText.SEARCH_KEY_VERSION;
    }

    static boolean isCurrent(OrganizationView v) {
        return v.searchKeyVersion != null && v.searchKeyVersion == JapaneseText.SEARCH_KEY_VERSION;
    }

    private static void replaceContact(OrganizationView v, ContactPerson contact) {
        v.contacts.removeIf(c -> c.contactId().equals(contact.contactId()));
        v.contacts.add(contact);
    }
}
