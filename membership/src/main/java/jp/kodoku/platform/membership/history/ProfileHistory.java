package jp.kodoku.platform.membership.history;

import jp.kodoku.platform.infra.audit.AuditMetadata;
import jp.kodoku.platform.infra.readmodel.ReadModelBatches;
import jp.kodoku.platform.infra.readmodel.VersionedDocument;
import jp.kodoku.platform.infra.readmodel.VersionedDocuments;
import jp.kodoku.platform.membership.api.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Who changed which field of a profile, when, from what to what. Each change is a document whose id is derived from
 * the event (organization, sequence, field), so writing it twice leaves one; the last profile seen per organization
 * is kept to know the "before" values. The fields are the profile's ({@link OrganizationProfile#FIELDS}).
 */
@Component
@ProcessingGroup("profile-history")
class ProfileHistory {

    private final MongoTemplate mongo;
    private final VersionedDocuments<LastSeen> lastSeen;

    ProfileHistory(MongoTemplate mongo, ReadModelBatches batches) {
        this.mongo = mongo;
        this.lastSeen = batches.versioned(LastSeen.class, LastSeen::new);
    }

    @Document("profile_history")
    /**
     * {@code kind}, {@code proposalId} and {@code note} are null in entries of value changes written before proposals.
     * One constructor only: Spring Data reads a record through its single constructor.
     */
    record Entry(@Id String id, String organizationId, long version, String field, Object before, Object after,
                 Instant changedAt, String changedBy, String correlationId, String kind, String proposalId,
                 String note) {
    }

    /** The last profile seen per organization, to know the "before" values. */
    @Document("profile_history_state")
    static class LastSeen extends VersionedDocument<LastSeen> {
        OrganizationProfile profile;
    }

    @ResetHandler
    void dropAll() {
        mongo.dropCollection(Entry.class);
        mongo.dropCollection(LastSeen.class);
    }

    @EventHandler
    void on(MembershipApplicationSubmitted e, @SequenceNumber long seq) {
        remember(e.organizationId(), seq, e.profile());
    }

    @EventHandler
    void on(MembershipApplicationResubmitted e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.PRINCIPAL) String principal,
            @MetaDataValue(AuditMetadata.CORRELATION_ID) String correlationId) {
        recordProfile(e.organizationId(), seq, e.profile(), OrganizationProfile.FIELDS, at, principal, correlationId);
    }

    @EventHandler
    void on(OrganizationProfileUpdated e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.PRINCIPAL) String principal,
            @MetaDataValue(AuditMetadata.CORRELATION_ID) String correlationId) {
        recordProfile(e.organizationId(), seq, e.profile(), e.changedFields(), at, principal, correlationId);
    }

    @EventHandler
    void on(MemberCategoryChanged e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.PRINCIPAL) String principal,
            @MetaDataValue(AuditMetadata.CORRELATION_ID) String correlationId) {
        mongo.save(new Entry(entryId(e.organizationId(), seq, "category"), e.organizationId().value(), seq,
                "category", e.from().name(), e.to().name(), at, principal, correlationId, ProfileChange.CHANGED, null,
                null));
    }

    // ---- moderated changes: each step of a proposal is an entry per field ----------------------------------------

    @EventHandler
    void on(ProfileChangeProposed e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.PRINCIPAL) String principal,
            @MetaDataValue(AuditMetadata.CORRELATION_ID) String correlationId) {
        recordProposal(e.organizationId(), seq, e.proposalId(), e.changes(), ProfileChange.PROPOSED, null, at,
                principal, correlationId);
    }

    @EventHandler
    void on(ProfileChangeApproved e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.PRINCIPAL) String principal,
            @MetaDataValue(AuditMetadata.CORRELATION_ID) String correlationId) {
        recordProposal(e.organizationId(), seq, e.proposalId(), e.changes(), ProfileProposalStatus.APPROVED.name(),
                e.note(), at, principal, correlationId);
    }

    @EventHandler
    void on(ProfileChangeRejected e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.PRINCIPAL) String principal,
            @MetaDataValue(AuditMetadata.CORRELATION_ID) String correlationId) {
        recordProposal(e.organizationId(), seq, e.proposalId(), e.changes(), ProfileProposalStatus.REJECTED.name(),
                e.reason(), at, principal, correlationId);
    }

    @EventHandler
    void on(ProfileChangeProposalClosed e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.PRINCIPAL) String principal,
            @MetaDataValue(AuditMetadata.CORRELATION_ID) String correlationId) {
        recordProposal(e.organizationId(), seq, e.proposalId(), e.changes(), e.outcome().name(), null, at, principal,
                correlationId);
    }

    /** Ids from organization, sequence and field, as every entry's: writing one twice leaves one. */
    private void recordProposal(OrganizationId id, long seq, String proposalId, List<ProposedFieldChange> changes,
                                String kind, String note, Instant at, String principal, String correlationId) {
        for (ProposedFieldChange change : changes) {
            mongo.save(new Entry(entryId(id, seq, change.field()), id.value(), seq, change.field(), change.from(),
                    change.to(), at, principal, correlationId, kind, proposalId, note));
        }
    }

    /** An imported organization's history starts by saying so: which file (its SHA-256) and which row. */
    @EventHandler
    void on(MemberOrganizationImported e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.PRINCIPAL) String principal,
            @MetaDataValue(AuditMetadata.CORRELATION_ID) String correlationId) {
        mongo.save(new Entry(entryId(e.organizationId(), seq, "imported"), e.organizationId().value(), seq,
                "imported", null, "CSV row " + e.rowNumber() + " of the file with SHA-256 " + e.fileSha256(), at,
                principal, correlationId, ProfileChange.IMPORTED, null, null));
    }

    @QueryHandler
    List<ProfileChange> handle(ListProfileHistory query) {
        Criteria criteria = Criteria.where("organizationId").is(query.organizationId().value());
        Query q = Query.query(criteria)
                       .with(Sort.by(Sort.Direction.DESC, "version").and(Sort.by("field")))
                       .limit(Math.max(1, Math.min(query.limit(), 500)));
        return mongo.find(q, Entry.class).stream()
                    .map(e -> new ProfileChange(e.field(), e.before(), e.after(), e.changedAt(), e.changedBy(),
                            e.correlationId(), e.version(), e.kind() == null ? ProfileChange.CHANGED : e.kind(),
                            e.proposalId(), e.note()))
                    .toList();
    }

    private void recordProfile(OrganizationId id, long seq, OrganizationProfile after, Collection<String> fields,
                               Instant at, String principal, String correlationId) {
        lastSeen.upsert(id.value(), seq, last -> {
            for (String field : fields) {
                if (!OrganizationProfile.FIELDS.contains(field)) {
                    continue;
                }
                Object before = last.profile == null ? null : plain(last.profile.valueOf(field));
                Object now = plain(after.valueOf(field));
                if (!Objects.equals(before, now)) {
                    mongo.save(new Entry(entryId(id, seq, field), id.value(), seq, field, before, now, at, principal,
                            correlationId, ProfileChange.CHANGED, null, null));
                }
            }
            last.profile = after;
        });
    }

    private void remember(OrganizationId id, long seq, OrganizationProfile profile) {
        lastSeen.upsert(id.value(), seq, last -> last.profile = profile);
    }

    private static String entryId(OrganizationId id, long seq, String field) {
        return id.value() + ":" + seq + ":" + field;
    }

    /** Enums by name and sets as sorted lists, so values read the same in every response. */
    private static Object plain(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(v -> v instanceof Enum<?> e ? e.name() : String.valueOf(v)).sorted().toList();
        }
        return value;
    }
}
