package jp.kodoku.platform.subcommittees.subcommittee;

import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.subcommittees.api.*;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A subcommittee (分科会): its lead organizations, members, requests to join and chairs, until it is closed. It decides
 * from its own state and from the facts {@link SubcommitteeCommandHandler} looked up for it (whether an organization
 * is an active member of the platform, what a sign-in account acts for). Methods return the new version (the ETag).
 */
@Aggregate
public class Subcommittee {

    @AggregateIdentifier
    private SubcommitteeId id;
    private SubcommitteeStatus status;
    private List<OrganizationId> leads = List.of();
    private final Set<OrganizationId> members = new LinkedHashSet<>();
    private final Set<OrganizationId> requests = new LinkedHashSet<>();
    /** Current chairs: account id → organization it acts for. */
    private final Map<String, OrganizationId> chairs = new HashMap<>();

    protected Subcommittee() {
        // for Axon
    }

    Subcommittee(SubcommitteeId id, int number, String title, String theme, List<OrganizationId> leads,
                 Predicate<OrganizationId> active) {
        requireActive(leads, active, "a lead organization (担当幹事団体)");
        apply(new SubcommitteeCreated(id, number, title.strip(), theme == null ? null : theme.strip(), List.copyOf(leads)));
        for (OrganizationId lead : leads) {
            apply(new SubcommitteeMemberJoined(id, lead, JoinRoute.LEAD_ORGANIZATION));
        }
    }

    long changeLeads(List<OrganizationId> newLeads, Predicate<OrganizationId> active) {
        requireOpen();
        if (newLeads.equals(leads)) {
            return getVersion();
        }
        List<OrganizationId> added = newLeads.stream().filter(l -> !leads.contains(l)).toList();
        requireActive(added, active, "a lead organization (担当幹事団体)");
        List<OrganizationId> removed = leads.stream().filter(l -> !newLeads.contains(l)).toList();
        for (Map.Entry<String, OrganizationId> chair : chairs.entrySet()) {
            if (removed.contains(chair.getValue())) {
                throw new SubcommitteeRuleViolation("the chair " + chair.getKey() + " acts for " + chair.getValue()
                        + ", which would no longer lead the subcommittee; end the chair's term first");
            }
        }
        apply(new LeadOrganizationsChanged(id, List.copyOf(newLeads)));
        for (OrganizationId lead : added) {
            if (!members.contains(lead)) {
                apply(new SubcommitteeMemberJoined(id, lead, JoinRoute.LEAD_ORGANIZATION));
            }
        }
        return getVersion();
    }

    long close(String reason) {
        requireOpen();
        apply(new SubcommitteeClosed(id, reason.strip()));
        return getVersion();
    }

    // ---- members ------------------------------------------------------------------------------------------------

    long add(OrganizationId organization, boolean active) {
        requireOpen();
        requireNotMember(organization);
        requireActive(List.of(organization), o -> active, "a member");
        apply(new SubcommitteeMemberJoined(id, organization, JoinRoute.ADDED));
        return getVersion();
    }

    long request(OrganizationId organization, String note, boolean active) {
        requireOpen();
        requireNotMember(organization);
        if (requests.contains(organization)) {
            throw new SubcommitteeRuleViolation("the organization has asked to join already; a chair will decide");
        }
        requireActive(List.of(organization), o -> active, "a member");
        apply(new SubcommitteeMembershipRequested(id, organization, note == null || note.isBlank() ? null : note.strip()));
        return getVersion();
    }

    long approve(OrganizationId organization, boolean active) {
        requireOpen();
        requireRequest(organization);
        // Asked while active, but membership may have been suspended since: the same rule as adding.
        requireActive(List.of(organization), o -> active, "a member");
        apply(new SubcommitteeMemberJoined(id, organization, JoinRoute.REQUEST_APPROVED));
        return getVersion();
    }

    long decline(OrganizationId organization, String reason) {
        requireOpen();
        requireRequest(organization);
        apply(new SubcommitteeMembershipRequestDeclined(id, organization, reason.strip()));
        return getVersion();
    }

    long remove(OrganizationId organization, String reason) {
        requireOpen();
        if (!members.contains(organization)) {
            throw new SubcommitteeRuleViolation("the organization is not a member of this subcommittee");
        }
        if (leads.contains(organization)) {
            throw new SubcommitteeRuleViolation("a lead organization (担当幹事団体) stays a member while it leads; "
                    + "change the lead organizations first");
        }
        apply(new SubcommitteeMemberLeft(id, organization, LeavingCause.REMOVED, reason.strip()));
        return getVersion();
    }

    /**
     * Membership of the platform suspended or ended: the organization leaves, lead or not (a lead organization that
     * is no member of the platform leads nothing either), and its open request is dropped with it. Nothing happens
     * when it is no member here, or the subcommittee is closed: a closed one keeps its members as they were.
     */
    long membershipEnded(OrganizationId organization, LeavingCause cause, String reason) {
        if (status == SubcommitteeStatus.CLOSED) {
            return getVersion();
        }
        if (requests.contains(organization)) {
            apply(new SubcommitteeMembershipRequestDeclined(id, organization, reason));
        }
        if (members.contains(organization)) {
            apply(new SubcommitteeMemberLeft(id, organization, cause, reason));
        }
        return getVersion();
    }

    // ---- chairs -------------------------------------------------------------------------------------------------

    /**
     * @param actsFor        the organization the account acts for, or null
     * @param alreadyChairs  the subcommittee the account chairs now, or null
     */
    void requireChairCanBeAppointed(String userId, OrganizationId actsFor, String alreadyChairs) {
        requireOpen();
        if (chairs.containsKey(userId)) {
            throw new SubcommitteeRuleViolation("this person chairs the subcommittee already");
        }
        if (alreadyChairs != null && !alreadyChairs.equals(id.value())) {
            throw new SubcommitteeRuleViolation("this person chairs " + alreadyChairs
                    + "; a chair runs one subcommittee, so end that term first");
        }
        if (actsFor == null || !leads.contains(actsFor)) {
            throw new SubcommitteeRuleViolation("a chair (座長) is staff of a lead organization (担当幹事団体); "
                    + "this account acts for " + (actsFor == null ? "no organization" : "one that does not lead it"));
        }
    }

    long appointChair(String userId, OrganizationId actsFor, String alreadyChairs) {
        requireChairCanBeAppointed(userId, actsFor, alreadyChairs);
        apply(new ChairAppointed(id, userId, actsFor));
        return getVersion();
    }

    long endChairTerm(String userId, String reason) {
        if (!chairs.containsKey(userId)) {
            throw new SubcommitteeRuleViolation("this person does not chair the subcommittee");
        }
        apply(new ChairTermEnded(id, userId, reason.strip()));
        return getVersion();
    }

    // ---- state --------------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(SubcommitteeCreated event) {
        id = event.subcommitteeId();
        status = SubcommitteeStatus.ACTIVE;
        leads = event.leadOrganizations();
    }

    @EventSourcingHandler
    void on(LeadOrganizationsChanged event) {
        leads = event.leadOrganizations();
    }

    @EventSourcingHandler
    void on(SubcommitteeClosed event) {
        status = SubcommitteeStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(SubcommitteeMembershipRequested event) {
        requests.add(event.organizationId());
    }

    @EventSourcingHandler
    void on(SubcommitteeMembershipRequestDeclined event) {
        requests.remove(event.organizationId());
    }

    @EventSourcingHandler
    void on(SubcommitteeMemberJoined event) {
        requests.remove(event.organizationId());
        members.add(event.organizationId());
    }

    @EventSourcingHandler
    void on(SubcommitteeMemberLeft event) {
        members.remove(event.organizationId());
        if (event.cause() != LeavingCause.REMOVED) {
            // not a member of the platform now: it leads nothing until the secretariat says so again
            List<OrganizationId> stillLeading = new ArrayList<>(leads);
            stillLeading.remove(event.organizationId());
            leads = List.copyOf(stillLeading);
        }
    }

    @EventSourcingHandler
    void on(ChairAppointed event) {
        chairs.put(event.userId(), event.organizationId());
    }

    @EventSourcingHandler
    void on(ChairTermEnded event) {
        chairs.remove(event.userId());
    }

    // ---- rules --------------------------------------------------------------------------------------------------

    private void requireOpen() {
        if (status == SubcommitteeStatus.CLOSED) {
            throw new SubcommitteeRuleViolation("the subcommittee is closed");
        }
    }

    private void requireNotMember(OrganizationId organization) {
        if (members.contains(organization)) {
            throw new SubcommitteeRuleViolation("the organization is a member already");
        }
    }

    private void requireRequest(OrganizationId organization) {
        if (!requests.contains(organization)) {
            throw new SubcommitteeRuleViolation("the organization has no open request to join");
        }
    }

    private static void requireActive(List<OrganizationId> organizations, Predicate<OrganizationId> active, String as) {
        for (OrganizationId organization : organizations) {
            if (!active.test(organization)) {
                throw new SubcommitteeRuleViolation("only an active member of the platform can be " + as + "; "
                        + organization + " is not one (applying, suspended, withdrawn or unknown)");
            }
        }
    }
}
