package jp.kodoku.platform.subcommittees.subcommittee;

import jp.kodoku.platform.infra.readmodel.ReadModelBatches;
import jp.kodoku.platform.infra.readmodel.VersionedDocuments;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.subcommittees.OrganizationNames;
import jp.kodoku.platform.subcommittees.api.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The subcommittees as they are read ({@code subcommittees}), with the organizations' names from
 * {@link OrganizationNames}. Through the versioned upsert, so redelivery changes nothing and a rebuild (drop, replay)
 * makes them again.
 */
@Component
@ProcessingGroup(SubcommitteesProjection.PROCESSING_GROUP)
class SubcommitteesProjection {

    static final String PROCESSING_GROUP = "subcommittees";

    private final MongoTemplate mongo;
    private final VersionedDocuments<SubcommitteeView> subcommittees;
    private final OrganizationNames names;

    SubcommitteesProjection(MongoTemplate mongo, ReadModelBatches batches, OrganizationNames names) {
        this.mongo = mongo;
        this.names = names;
        this.subcommittees = batches.versioned(SubcommitteeView.class, SubcommitteeView::new);
    }

    @ResetHandler
    void dropAll() {
        mongo.dropCollection(SubcommitteeView.class);
    }

    // ---- subcommittees ------------------------------------------------------------------------------------------

    @EventHandler
    void on(SubcommitteeCreated e, @SequenceNumber long seq) {
        subcommittee(e.subcommitteeId(), seq, s -> {
            s.number = e.number();
            s.title = e.title();
            s.theme = e.theme();
            s.leadIds = ids(e.leadOrganizations());
            s.status = SubcommitteeStatus.ACTIVE;
        });
    }

    @EventHandler
    void on(LeadOrganizationsChanged e, @SequenceNumber long seq) {
        subcommittee(e.subcommitteeId(), seq, s -> s.leadIds = ids(e.leadOrganizations()));
    }

    @EventHandler
    void on(SubcommitteeClosed e, @SequenceNumber long seq) {
        subcommittee(e.subcommitteeId(), seq, s -> {
            s.status = SubcommitteeStatus.CLOSED;
            s.closedReason = e.reason();
        });
    }

    @EventHandler
    void on(SubcommitteeMembershipRequested e, @SequenceNumber long seq, @Timestamp Instant at) {
        subcommittee(e.subcommitteeId(), seq,
                s -> s.requests.add(new SubcommitteeView.Request(e.organizationId().value(), e.note(), at)));
    }

    @EventHandler
    void on(SubcommitteeMembershipRequestDeclined e, @SequenceNumber long seq) {
        subcommittee(e.subcommitteeId(), seq,
                s -> s.requests.removeIf(r -> r.organizationId().equals(e.organizationId().value())));
    }

    @EventHandler
    void on(SubcommitteeMemberJoined e, @SequenceNumber long seq, @Timestamp Instant at) {
        String organization = e.organizationId().value();
        subcommittee(e.subcommitteeId(), seq, s -> {
            s.requests.removeIf(r -> r.organizationId().equals(organization));
            s.members.add(new SubcommitteeView.Member(organization, e.route(), at));
            s.memberIds.add(organization);
        });
    }

    @EventHandler
    void on(SubcommitteeMemberLeft e, @SequenceNumber long seq, @Timestamp Instant at) {
        String organization = e.organizationId().value();
        subcommittee(e.subcommitteeId(), seq, s -> {
            s.members.removeIf(m -> m.organizationId().equals(organization));
            s.memberIds.remove(organization);
            s.formerMembers.add(new SubcommitteeView.FormerMember(organization, e.cause(), e.reason(), at));
            if (e.cause() != LeavingCause.REMOVED) {
                s.leadIds.remove(organization); // as the aggregate: no longer a member of the platform, so no lead
            }
        });
    }

    @EventHandler
    void on(ChairAppointed e, @SequenceNumber long seq, @Timestamp Instant at) {
        subcommittee(e.subcommitteeId(), seq,
                s -> s.chairs.add(new SubcommitteeView.Chair(e.userId(), e.organizationId().value(), at)));
    }

    @EventHandler
    void on(ChairTermEnded e, @SequenceNumber long seq) {
        subcommittee(e.subcommitteeId(), seq, s -> s.chairs.removeIf(c -> c.userId().equals(e.userId())));
    }

    // ---- queries --------------------------------------------------------------------------------------------------

    @QueryHandler
    List<SubcommitteeSummary> handle(ListSubcommittees query) {
        Query select = query.memberOrganization() == null ? new Query()
                : Query.query(Criteria.where("memberIds").is(query.memberOrganization().value()));
        List<SubcommitteeView> views = mongo.find(select.with(Sort.by("number")), SubcommitteeView.class);
        Map<String, String> names = names(views.stream().flatMap(v -> v.leadIds.stream()).toList());
        return views.stream().map(v -> summary(v, names)).toList();
    }

    @QueryHandler
    Optional<SubcommitteeDetails> handle(FindSubcommittee query) {
        SubcommitteeView view = mongo.findById(query.subcommitteeId().value(), SubcommitteeView.class);
        if (view == null) {
            return Optional.empty();
        }
        Set<String> all = new HashSet<>(view.leadIds);
        view.members.forEach(m -> all.add(m.organizationId()));
        view.requests.forEach(r -> all.add(r.organizationId()));
        view.chairs.forEach(c -> all.add(c.organizationId()));
        view.formerMembers.forEach(f -> all.add(f.organizationId()));
        Map<String, String> names = names(all);
        return Optional.of(new SubcommitteeDetails(summary(view, names),
                view.members.stream().map(m -> new SubcommitteeDetails.Member(ref(m.organizationId(), names), m.route(), m.since())).toList(),
                view.requests.stream().map(r -> new SubcommitteeDetails.Request(ref(r.organizationId(), names), r.note(), r.at())).toList(),
                view.chairs.stream().map(c -> new SubcommitteeDetails.Chair(c.userId(), ref(c.organizationId(), names), c.since())).toList(),
                view.formerMembers.stream().map(f -> new SubcommitteeDetails.FormerMember(ref(f.organizationId(), names), f.cause(), f.reason(), f.at())).toList()));
    }

    /** Every subcommittee's id: those a departing member may be in ({@link MembersLeaveWithTheirMembership}). */
    List<SubcommitteeId> allIds() {
        Query ids = new Query();
        ids.fields().include("_id");
        return mongo.find(ids, SubcommitteeView.class).stream().map(v -> new SubcommitteeId(v.id)).toList();
    }

    private static SubcommitteeSummary summary(SubcommitteeView v, Map<String, String> names) {
        return new SubcommitteeSummary(v.id, v.number, v.title, v.theme,
                v.leadIds.stream().map(id -> ref(id, names)).toList(), v.status, v.closedReason, v.version);
    }

    private Map<String, String> names(Collection<String> ids) {
        return names.of(ids);
    }

    private static OrganizationRef ref(String id, Map<String, String> names) {
        return new OrganizationRef(id, names.get(id));
    }

    private static List<String> ids(List<OrganizationId> organizations) {
        return new java.util.ArrayList<>(organizations.stream().map(OrganizationId::value).toList());
    }

    private void subcommittee(SubcommitteeId id, long seq, Consumer<SubcommitteeView> change) {
        subcommittees.upsert(id.value(), seq, change);
    }

}
