package jp.kodoku.platform.activity.feed;

import jp.kodoku.platform.infra.readmodel.ReadModelBatches;
import jp.kodoku.platform.infra.readmodel.VersionedDocuments;
import jp.kodoku.platform.membership.api.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The organizations' names and listing, from membership's published events, for the feed's sentences and its rule
 * that an organization the public directory no longer lists (withdrawn, suspended, or no consent to publish) is
 * named to the secretariat only. The subcommittees module keeps names the same way for itself (its
 * OrganizationNames); each module keeps its own read model rather than reading another's collection.
 */
@Component
@ProcessingGroup("activity")
class KnownOrganizations {

    private final MongoTemplate mongo;
    private final VersionedDocuments<KnownOrganization> organizations;

    KnownOrganizations(MongoTemplate mongo, ReadModelBatches batches) {
        this.mongo = mongo;
        this.organizations = batches.versioned(KnownOrganization.class, KnownOrganization::new);
    }

    /** Names by organization id; an id the feed does not know has none. */
    Map<String, String> names(Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            mongo.find(Query.query(Criteria.where("_id").in(new HashSet<>(ids))), KnownOrganization.class)
                 .forEach(o -> names.put(o.id, o.name));
        }
        return names;
    }

    /**
     * Members that the directory does not list now: entries naming them are the secretariat's alone. Few (withdrawn,
     * suspended, unpublished members), so the feed's query excludes them by id.
     */
    List<String> unlistedMembers() {
        return mongo.find(Query.query(Criteria.where("member").is(true).and("listed").is(false)),
                KnownOrganization.class).stream().map(o -> o.id).toList();
    }

    @ResetHandler
    void dropAll() {
        mongo.dropCollection(KnownOrganization.class);
    }

    @EventHandler
    void on(MembershipApplicationSubmitted e, @SequenceNumber long seq) {
        organization(e.organizationId(), seq, o -> {
            o.name = e.profile().name();
            o.consentToPublish = e.profile().consentToPublish();
            o.status = OrganizationStatus.APPLIED;
        });
    }

    @EventHandler
    void on(MembershipApplicationResubmitted e, @SequenceNumber long seq) {
        organization(e.organizationId(), seq, o -> {
            o.name = e.profile().name();
            o.consentToPublish = e.profile().consentToPublish();
            o.status = OrganizationStatus.APPLIED;
        });
    }

    @EventHandler
    void on(OrganizationProfileUpdated e, @SequenceNumber long seq) {
        organization(e.organizationId(), seq, o -> {
            o.name = e.profile().name();
            o.consentToPublish = e.profile().consentToPublish();
        });
    }

    @EventHandler
    void on(MembershipApplicationSentBack e, @SequenceNumber long seq) {
        organization(e.organizationId(), seq, o -> o.status = OrganizationStatus.RETURNED_FOR_CHANGES);
    }

    @EventHandler
    void on(MembershipApplicationRejected e, @SequenceNumber long seq) {
        organization(e.organizationId(), seq, o -> o.status = OrganizationStatus.REJECTED);
    }

    @EventHandler
    void on(MembershipApplicationApproved e, @SequenceNumber long seq) {
        organization(e.organizationId(), seq, o -> {
            o.status = OrganizationStatus.ACTIVE;
            o.member = true;
        });
    }

    @EventHandler
    void on(MemberSuspended e, @SequenceNumber long seq) {
        organization(e.organizationId(), seq, o -> o.status = OrganizationStatus.SUSPENDED);
    }

    @EventHandler
    void on(MemberReinstated e, @SequenceNumber long seq) {
        organization(e.organizationId(), seq, o -> o.status = OrganizationStatus.ACTIVE);
    }

    @EventHandler
    void on(MemberWithdrawn e, @SequenceNumber long seq) {
        organization(e.organizationId(), seq, o -> o.status = OrganizationStatus.WITHDRAWN);
    }

    private void organization(OrganizationId id, long seq, Consumer<KnownOrganization> change) {
        organizations.upsert(id.value(), seq, o -> {
            change.accept(o);
            o.decideListing();
        });
    }
}
