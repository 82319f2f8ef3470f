package jp.kodoku.platform.membership.moderation;

import jp.kodoku.platform.infra.audit.AuditMetadata;
import jp.kodoku.platform.infra.errors.FieldViolation;
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
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The proposals of each organization (one document per organization, its proposals in order) and the moderation
 * setting (one document), kept through {@link VersionedDocuments}: redelivery and replays leave the same documents.
 * In the {@code profile-history} processing group: proposals are part of a profile's history, and rebuild with it.
 */
@Component
@ProcessingGroup("profile-history")
class ProfileProposals {

    static final int MAX_LIMIT = 100;

    private final MongoTemplate mongo;
    private final VersionedDocuments<OrganizationProposals> organizations;
    private final VersionedDocuments<Setting> settings;

    ProfileProposals(MongoTemplate mongo, ReadModelBatches batches) {
        this.mongo = mongo;
        this.organizations = batches.versioned(OrganizationProposals.class, OrganizationProposals::new);
        this.settings = batches.versioned(Setting.class, Setting::new);
        createIndexes();
    }

    /** An organization's proposals, oldest first; {@code pendingKey} orders the secretariat's queue. */
    @Document("profile_proposals")
    static class OrganizationProposals extends VersionedDocument<OrganizationProposals> {
        List<ProfileProposal> proposals = new ArrayList<>();
        /** Proposal time + organization id while one is pending, else null: the queue's unique, ordered key. */
        String pendingKey;
    }

    @Document("profile_moderation")
    static class Setting extends VersionedDocument<Setting> {
        boolean enabled;
        List<String> fields = new ArrayList<>();
        Instant changedAt;
        String changedBy;
    }

    private void createIndexes() {
        mongo.indexOps(OrganizationProposals.class).ensureIndex(new Index("pendingKey", Sort.Direction.ASC));
    }

    @ResetHandler
    void dropAll() {
        mongo.dropCollection(OrganizationProposals.class);
        mongo.dropCollection(Setting.class);
        createIndexes();
    }

    // ---- the setting ------------------------------------------------------------------------------------------------

    @EventHandler
    void on(ProfileModerationSwitchedOn e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.PRINCIPAL) String principal) {
        switched(e.settingId(), seq, true, e.fields(), at, principal);
    }

    @EventHandler
    void on(ProfileModerationSwitchedOff e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.PRINCIPAL) String principal) {
        switched(e.settingId(), seq, false, e.fields(), at, principal);
    }

    private void switched(String id, long seq, boolean enabled, List<String> fields, Instant at, String principal) {
        settings.upsert(id, seq, s -> {
            s.enabled = enabled;
            s.fields = new ArrayList<>(fields);
            s.changedAt = at;
            s.changedBy = principal;
        });
    }

    // ---- proposals --------------------------------------------------------------------------------------------------

    @EventHandler
    void on(ProfileChangeProposed e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.PRINCIPAL) String principal) {
        organizations.upsert(e.organizationId().value(), seq, d -> {
            d.proposals.add(new ProfileProposal(e.proposalId(), e.organizationId().value(), e.organizationName(),
                    ProfileProposalStatus.PENDING, List.copyOf(e.changes()), at, principal, null, null, null,
                    e.replacesProposalId(), seq));
            // fixed-width digits, so that the text order is the time order
            d.pendingKey = String.format("%019d%09d", at.getEpochSecond(), at.getNano()) + "\u0001"
                    + e.organizationId().value();
        });
    }

    @EventHandler
    void on(ProfileChangeApproved e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.PRINCIPAL) String principal) {
        decided(e.organizationId(), e.proposalId(), seq, ProfileProposalStatus.APPROVED, at, principal, e.note());
    }

    @EventHandler
    void on(ProfileChangeRejected e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.PRINCIPAL) String principal) {
        decided(e.organizationId(), e.proposalId(), seq, ProfileProposalStatus.REJECTED, at, principal, e.reason());
    }

    @EventHandler
    void on(ProfileChangeProposalClosed e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.PRINCIPAL) String principal) {
        decided(e.organizationId(), e.proposalId(), seq, e.outcome(), at, principal, null);
    }

    private void decided(OrganizationId id, String proposalId, long seq, ProfileProposalStatus status, Instant at,
                         String principal, String note) {
        organizations.upsert(id.value(), seq, d -> {
            d.proposals.replaceAll(p -> !p.proposalId().equals(proposalId) ? p
                    : new ProfileProposal(p.proposalId(), p.organizationId(), p.organizationName(), status, p.changes(),
                    p.proposedAt(), p.proposedBy(), at, principal, note, p.replacesProposalId(), seq));
            d.pendingKey = null;
        });
    }

    // ---- queries ----------------------------------------------------------------------------------------------------

    @QueryHandler
    ProfileModerationState handle(FindProfileModeration query) {
        return Optional.ofNullable(mongo.findById(ProfileModeration.SETTING_ID, Setting.class))
                       .map(s -> new ProfileModerationState(s.enabled, List.copyOf(s.fields), s.changedAt, s.changedBy,
                               s.version))
                       .orElse(new ProfileModerationState(false, ProfileModeration.FIELDS, null, null,
                               ProfileModerationCommands.NEVER_SWITCHED));
    }

    @QueryHandler
    ProfileProposalPage handle(ListPendingProfileChanges query) {
        int size = Math.max(1, Math.min(query.limit(), MAX_LIMIT));
        Criteria pending = Criteria.where("pendingKey").exists(true).ne(null);
        String after = decodeCursor(query.cursor());
        if (after != null) {
            pending = pending.gt(after);
        }
        List<OrganizationProposals> found = mongo.find(Query.query(pending)
                                                            .with(Sort.by(Sort.Direction.ASC, "pendingKey"))
                                                            .limit(size + 1), OrganizationProposals.class);
        boolean more = found.size() > size;
        List<OrganizationProposals> page = more ? found.subList(0, size) : found;
        List<ProfileProposal> items = page.stream().map(d -> d.proposals.stream()
                                                                     .filter(p -> p.status() == ProfileProposalStatus.PENDING)
                                                                     .findFirst().orElseThrow())
                                          .toList();
        return new ProfileProposalPage(items, more ? encodeCursor(page.get(size - 1).pendingKey) : null);
    }

    @QueryHandler
    List<ProfileProposal> handle(ListProfileChangeProposals query) {
        OrganizationProposals d = mongo.findById(query.organizationId().value(), OrganizationProposals.class);
        if (d == null) {
            return List.of();
        }
        List<ProfileProposal> newestFirst = new ArrayList<>(d.proposals);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private static final String CURSOR_TAG = "PENDING_PROFILE_CHANGES\n";

    private static String encodeCursor(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR_TAG + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(CURSOR_TAG)) {
                return decoded.substring(CURSOR_TAG.length());
            }
        } catch (IllegalArgumentException notBase64) {
            // refused below
        }
        throw new InvalidMembershipInput(List.of(new FieldViolation("cursor",
                "is not a cursor of this listing; use the nextCursor of the previous page")));
    }
}
