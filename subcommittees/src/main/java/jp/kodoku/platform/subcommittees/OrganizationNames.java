package jp.kodoku.platform.subcommittees;

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
import java.util.Map;
import java.util.function.Consumer;

/**
 * The platform's organizations as every feature of the module shows them: their names beside members, leads and poll
 * answers. Kept from membership's published events in {@code subcommittee_organizations}, in the module's read-model
 * processing group, through the versioned upsert (rebuilt with it).
 */
@Component
@ProcessingGroup("subcommittees")
public class OrganizationNames {

    private final MongoTemplate mongo;
    private final VersionedDocuments<KnownOrganization> organizations;

    OrganizationNames(MongoTemplate mongo, ReadModelBatches batches) {
        this.mongo = mongo;
        this.organizations = batches.versioned(KnownOrganization.class, KnownOrganization::new);
    }

    /** Names by organization id; an id the platform does not know has none. */
    public Map<String, String> of(Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            mongo.find(Query.query(Criteria.where("_id").in(new HashSet<>(ids))), KnownOrganization.class)
                 .forEach(o -> names.put(o.id, o.name));
        }
        return names;
    }

    @ResetHandler
    void dropAll() {
        mongo.dropCollection(KnownOrganization.class);
    }

    @EventHandler
    void on(MembershipApplicationSubmitted e, @SequenceNumber long seq) {
        organization(e.organizationId(), seq, o -> {
            o.name = e.profile().name();
            o.status = OrganizationStatus.APPLIED;
        });
    }

    @EventHandler
    void on(MembershipApplicationResubmitted e, @SequenceNumber long seq) {
        organization(e.organizationId(), seq, o -> {
            o.name = e.profile().name();
            o.status = OrganizationStatus.APPLIED;
        });
    }

    @EventHandler
    void on(OrganizationProfileUpdated e, @SequenceNumber long seq) {
        organization(e.organizationId(), seq, o -> o.name = e.profile().name());
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
        organization(e.organizationId(), seq, o -> o.status = OrganizationStatus.ACTIVE);
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
        organizations.upsert(id.value(), seq, change);
    }
}
