package jp.kodoku.platform.membership.organization;

import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.membership.api.*;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A member organization from its application to its withdrawal. It decides, from its own state alone, what may
 * happen; {@link MembershipCommandHandler} does the I/O around it (uniqueness, member numbers, sealing personal data).
 * Command handlers return the aggregate's new version, which the API hands back as the ETag.
 */
@Aggregate(cache = OrganizationCache.NAME)
public class MemberOrganization {

    @AggregateIdentifier
    private OrganizationId id;
    private OrganizationStatus status;
    private OrganizationProfile profile;
    private MemberCategory category;
    private LocalDate joinedOn;
    private boolean steeringMember;
    private LocalDate steeringTermStart;
    private final Map<ContactId, ContactPerson> contacts = new LinkedHashMap<>();
    private ContactId primaryContact;
    private final Set<ContactId> erasedContacts = new HashSet<>();
    /** Removed contacts included: their data is still in older events, so they can still ask for erasure. */
    private final Set<ContactId> everKnownContacts = new HashSet<>();
    /** Accounts in the identity provider recorded as acting for the organization (provisioned or invited). */
    private final Set<String> memberAdmins = new HashSet<>();
    /** Contacts whose account provisioning has an outcome on record (an account, or why there is none). */
    private final Set<ContactId> contactsWithAccountOutcome = new HashSet<>();
    /** Account changes are recorded in the order of the events that called for them; this is the last one's number. */
    private long lastAccountsChangeCause = -1;
    /** A member admin's change to moderated fields that waits for the secretariat, or null. */
    private PendingProposal pendingProposal;

    private record PendingProposal(String id, List<ProposedFieldChange> changes) {

        Set<String> fields() {
            Set<String> fields = new HashSet<>();
            changes.forEach(change -> fields.add(change.field()));
            return fields;
        }

        Map<String, Object> values() {
            Map<String, Object> values = new LinkedHashMap<>();
            changes.forEach(change -> values.put(change.field(), change.to()));
            return values;
        }
    }

    protected MemberOrganization() {
        // for Axon
    }

    MemberOrganization(OrganizationId id, OrganizationProfile profile, MemberCategory requestedCategory,
                       ContactPerson primaryContact, String bylawsVersion, String accessTokenHash) {
        apply(new MembershipApplicationSubmitted(id, profile, requestedCategory, primaryContact, bylawsVersion,
                accessTokenHash));
    }

    /**
     * An organization moved in by an import: submitted, approved and marked as imported in one decision, so that
     * every read model sees an ordinary member and the history says where it came from.
     */
    MemberOrganization(ImportMemberOrganization command, OrganizationProfile profile, ContactPerson primaryContact,
                       int memberNumber) {
        apply(new MembershipApplicationSubmitted(command.organizationId(), profile, command.category(), primaryContact,
                command.bylawsVersion(), null));
        apply(new MembershipApplicationApproved(command.organizationId(), memberNumber, command.category(),
                command.joinedOn()));
        apply(new MemberOrganizationImported(command.organizationId(), command.fileSha256(), command.rowNumber()));
    }

    // ---- application ------------------------------------------------------------------------------------------

    long resubmit(OrganizationProfile newProfile, MemberCategory requestedCategory, ContactPerson newPrimaryContact) {
        requireStatus("only an application sent back for changes can be resubmitted",
                OrganizationStatus.RETURNED_FOR_CHANGES);
        apply(new MembershipApplicationResubmitted(id, newProfile, requestedCategory, newPrimaryContact));
        return getVersion();
    }

    ContactId primaryContactId() {
        return primaryContact;
    }

    /**
     * The contact the resubmitted primary contact replaces, or empty when that person's data was erased: an erased
     * person is gone for good, so the applicant's new contact becomes a new person.
     */
    java.util.Optional<ContactId> replaceablePrimaryContact() {
        return erasedContacts.contains(primaryContact) ? java.util.Optional.empty() : java.util.Optional.of(primaryContact);
    }

    @CommandHandler
    long handle(SendBackMembershipApplication command) {
        requireStatus("only a submitted application can be sent back", OrganizationStatus.APPLIED);
        apply(new MembershipApplicationSentBack(id, command.comment()));
        return getVersion();
    }

    long reject(String reason) {
        requireStatus("only an open application can be rejected",
                OrganizationStatus.APPLIED, OrganizationStatus.RETURNED_FOR_CHANGES);
        apply(new MembershipApplicationRejected(id, reason));
        return getVersion();
    }

    /** Asked before a member number is drawn, so that a refused approval wastes none. */
    boolean awaitsDecision() {
        return status == OrganizationStatus.APPLIED;
    }

    long approve(int memberNumber, LocalDate joinedOn) {
        requireStatus("only a submitted application can be approved (one sent back must be resubmitted first)",
                OrganizationStatus.APPLIED);
        apply(new MembershipApplicationApproved(id, memberNumber, category, joinedOn));
        return getVersion();
    }

    // ---- membership ---------------------------------------------------------------------------------------------

    @CommandHandler
    long handle(ChangeMemberCategory command) {
        requireStatus("only an active member can change category", OrganizationStatus.ACTIVE);
        if (command.newCategory() == category) {
            throw new MembershipRuleViolation("the member is already in category " + category);
        }
        requireNotBeforeJoining(command.effectiveDate(), "effectiveDate", "the category change");
        if (steeringMember && command.newCategory() != MemberCategory.REGULAR) {
            throw new MembershipRuleViolation(
                    "a steering member (幹事団体) must be a regular member (会員); end the steering term first");
        }
        apply(new MemberCategoryChanged(id, category, command.newCategory(), command.reason(), command.effectiveDate()));
        return getVersion();
    }

    @CommandHandler
    long handle(AppointSteeringMember command) {
        requireStatus("only an active member can be appointed steering member", OrganizationStatus.ACTIVE);
        if (category != MemberCategory.REGULAR) {
            throw new MembershipRuleViolation("steering members (幹事団体) are chosen from regular members (会員)");
        }
        if (steeringMember) {
            throw new MembershipRuleViolation("the member already serves a steering-member term");
        }
        requireNotBeforeJoining(command.termStart(), "termStart", "the term");
        if (command.termEnd() != null && !command.termEnd().isAfter(command.termStart())) {
            throw new InvalidMembershipInput(List.of(new FieldViolation("termEnd", "must be after termStart")));
        }
        apply(new SteeringMemberAppointed(id, command.termStart(), command.termEnd()));
        return getVersion();
    }

    @CommandHandler
    long handle(EndSteeringMemberTerm command) {
        requireNotWithdrawn();
        if (!steeringMember) {
            throw new MembershipRuleViolation("the member serves no steering-member term");
        }
        if (command.endedOn().isBefore(steeringTermStart)) {
            throw new InvalidMembershipInput(List.of(new FieldViolation("endedOn", "must not be before the term start")));
        }
        apply(new SteeringMemberTermEnded(id, command.endedOn(), command.reason()));
        return getVersion();
    }

    @CommandHandler
    long handle(SuspendMember command) {
        requireStatus("only an active member can be suspended", OrganizationStatus.ACTIVE);
        apply(new MemberSuspended(id, command.reason()));
        return getVersion();
    }

    @CommandHandler
    long handle(ReinstateMember command) {
        requireStatus("only a suspended member can be reinstated", OrganizationStatus.SUSPENDED);
        apply(new MemberReinstated(id, command.reason()));
        return getVersion();
    }

    long withdraw(WithdrawalKind kind, String reason, LocalDate effectiveDate) {
        requireStatus("only a member (active or suspended) can withdraw",
                OrganizationStatus.ACTIVE, OrganizationStatus.SUSPENDED);
        requireNotBeforeJoining(effectiveDate, "effectiveDate", "the withdrawal");
        closePendingProposal(ProfileProposalStatus.ORGANIZATION_WITHDRAWN);
        if (steeringMember) {
            // A term that has not begun yet ends on its first day: never before it started.
            LocalDate end = effectiveDate.isBefore(steeringTermStart) ? steeringTermStart : effectiveDate;
            apply(new SteeringMemberTermEnded(id, end, "退会に伴う任期終了"));
        }
        apply(new MemberWithdrawn(id, kind, reason, effectiveDate));
        return getVersion();
    }

    // ---- profile and contacts -----------------------------------------------------------------------------------

    OrganizationProfile profile() {
        return profile;
    }

    long updateProfile(OrganizationProfile updated) {
        requireEditable();
        List<String> changed = profile.fieldsChangedIn(updated);
        supersedeProposalOf(changed);
        if (!changed.isEmpty()) {
            apply(new OrganizationProfileUpdated(id, updated, changed));
        }
        return getVersion();
    }

    // ---- moderated profile changes (see ProfileModeration) --------------------------------------------------------

    /**
     * The profile a member admin's next change starts from: the published one with the pending proposal on top, so
     * that a second change adds to the first rather than undoing it.
     */
    OrganizationProfile profileAsProposed() {
        return pendingProposal == null ? profile : profile.with(pendingProposal.values());
    }

    /**
     * A member admin's change. The changes to {@code moderated} fields become the pending proposal (replacing the one
     * pending, which {@code target} already includes; none left withdraws it); the other changes take effect.
     *
     * @param target    the whole profile the member admin asks for: its patch applied to {@link #profileAsProposed()}
     *                  while moderation is on, to the published profile while it is off
     * @param moderated the fields that need approval now (empty while moderation is off)
     */
    ProfileChangeReceipt changeAsMemberAdmin(OrganizationProfile target, Collection<String> moderated,
                                             String proposalId) {
        requireEditable();
        List<ProposedFieldChange> proposed = new ArrayList<>();
        Map<String, Object> direct = new LinkedHashMap<>();
        for (String field : profile.fieldsChangedIn(target)) {
            if (moderated.contains(field)) {
                proposed.add(new ProposedFieldChange(field, text(profile.valueOf(field)), text(target.valueOf(field))));
            } else {
                direct.put(field, target.valueOf(field));
            }
        }
        supersedeProposalOf(direct.keySet());
        if (!moderated.isEmpty() && (pendingProposal != null || !proposed.isEmpty())) {
            if (pendingProposal == null) {
                apply(new ProfileChangeProposed(id, proposalId, profile.name(), proposed, null));
            } else if (proposed.isEmpty()) {
                closePendingProposal(ProfileProposalStatus.WITHDRAWN_BY_MEMBER);
            } else if (!proposed.equals(pendingProposal.changes())) {
                String replaced = pendingProposal.id();
                closePendingProposal(ProfileProposalStatus.REPLACED);
                apply(new ProfileChangeProposed(id, proposalId, profile.name(), proposed, replaced));
            }
        }
        if (!direct.isEmpty()) {
            apply(new OrganizationProfileUpdated(id, profile.with(direct), List.copyOf(direct.keySet())));
        }
        return new ProfileChangeReceipt(getVersion(), pendingProposal == null ? null : pendingProposal.id(),
                pendingProposal == null ? List.of()
                        : pendingProposal.changes().stream().map(ProposedFieldChange::field).toList());
    }

    /** The published profile with the pending proposal's values: what approving it would publish. */
    OrganizationProfile profileIfApproved(String proposalId) {
        requirePending(proposalId);
        return profile.with(pendingProposal.values());
    }

    long approveProfileChange(String proposalId, String note) {
        requireEditable();
        OrganizationProfile approved = profileIfApproved(proposalId);
        apply(new ProfileChangeApproved(id, proposalId, pendingProposal.changes(), note));
        List<String> changed = profile.fieldsChangedIn(approved);
        if (!changed.isEmpty()) {
            apply(new OrganizationProfileUpdated(id, approved, changed));
        }
        return getVersion();
    }

    @CommandHandler
    long handle(RejectProfileChange command) {
        requireEditable();
        if (command.reason() == null || command.reason().isBlank()) {
            throw new InvalidMembershipInput(List.of(new FieldViolation("reason",
                    "is required: the member admin is told why")));
        }
        requirePending(command.proposalId());
        apply(new ProfileChangeRejected(id, command.proposalId(), pendingProposal.changes(), command.reason().strip()));
        return getVersion();
    }

    private void requirePending(String proposalId) {
        if (pendingProposal == null || !pendingProposal.id().equals(proposalId)) {
            throw new MembershipRuleViolation("proposal " + proposalId + " is not pending"
                    + (pendingProposal == null ? " (no proposal is)" : " (" + pendingProposal.id() + " is)"));
        }
    }

    /** A field of the pending proposal changed directly: the proposal is out of date, and ends. */
    private void supersedeProposalOf(Collection<String> changedDirectly) {
        if (pendingProposal != null && changedDirectly.stream().anyMatch(pendingProposal.fields()::contains)) {
            closePendingProposal(ProfileProposalStatus.SUPERSEDED);
        }
    }

    private void closePendingProposal(ProfileProposalStatus outcome) {
        if (pendingProposal != null) {
            apply(new ProfileChangeProposalClosed(id, pendingProposal.id(), pendingProposal.changes(), outcome));
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    long addContact(ContactPerson contact) {
        requireEditable();
        if (contacts.containsKey(contact.contactId()) || erasedContacts.contains(contact.contactId())) {
            throw new MembershipRuleViolation("contact " + contact.contactId() + " already exists");
        }
        apply(new ContactAdded(id, contact));
        return getVersion();
    }

    long changeContact(ContactPerson contact) {
        requireEditable();
        requireContact(contact.contactId());
        apply(new ContactChanged(id, contact));
        return getVersion();
    }

    /** The handler asks before sealing, so that no key is made for a contact that cannot be changed. */
    void requireContactCanBeChanged(ContactId contactId) {
        requireEditable();
        requireContact(contactId);
    }

    @CommandHandler
    long handle(RemoveContact command) {
        requireEditable();
        if (!contacts.containsKey(command.contactId())) {
            throw new MembershipRuleViolation("contact " + command.contactId() + " is not a current contact of this organization");
        }
        if (command.contactId().equals(primaryContact)) {
            throw new MembershipRuleViolation("the primary contact cannot be removed; make another contact primary first");
        }
        apply(new ContactRemoved(id, command.contactId()));
        return getVersion();
    }

    @CommandHandler
    long handle(ChangePrimaryContact command) {
        requireEditable();
        requireContact(command.contactId());
        if (command.contactId().equals(primaryContact)) {
            throw new MembershipRuleViolation("contact " + command.contactId() + " is already the primary contact");
        }
        apply(new PrimaryContactChanged(id, command.contactId()));
        return getVersion();
    }

    /**
     * Erasure is the one change a withdrawn or rejected organization still accepts: the right to be forgotten
     * outlives the membership.
     */
    long erasePersonalData(ContactId contactId, String reason) {
        if (!everKnownContacts.contains(contactId)) {
            throw new MembershipRuleViolation("contact " + contactId + " is unknown to this organization");
        }
        if (erasedContacts.contains(contactId)) {
            return getVersion();
        }
        apply(new ContactPersonalDataErased(id, contactId, reason));
        return getVersion();
    }

    // ---- member-admin accounts ------------------------------------------------------------------------------------
    // The accounts live in the identity provider; the handlers around the aggregate change them and the aggregate
    // records what happened. Recorded facts are accepted in any state (a suspension may overtake the approval's
    // account on its way), and recording one twice changes nothing, because the handlers retry.

    @CommandHandler
    long handle(RecordMemberAdminAccount command) {
        if (!memberAdmins.contains(command.userId())) {
            apply(new MemberAdminAccountProvisioned(id, command.contactId(), command.userId(), command.created(),
                    command.invitationSent()));
        }
        return getVersion();
    }

    @CommandHandler
    long handle(RecordMemberAdminAccountNotProvisioned command) {
        if (!contactsWithAccountOutcome.contains(command.contactId())) {
            apply(new MemberAdminAccountNotProvisioned(id, command.contactId(), command.reason()));
        }
        return getVersion();
    }

    @CommandHandler
    long handle(RecordMemberAdminAccountsDisabled command) {
        if (command.triggeringEvent() > lastAccountsChangeCause) {
            apply(new MemberAdminAccountsDisabled(id, command.triggeringEvent(), command.accounts()));
        }
        return getVersion();
    }

    @CommandHandler
    long handle(RecordMemberAdminAccountsEnabled command) {
        if (command.triggeringEvent() > lastAccountsChangeCause) {
            apply(new MemberAdminAccountsEnabled(id, command.triggeringEvent(), command.accounts()));
        }
        return getVersion();
    }

    /** Asked before an account is made, so that no account is made for an organization that may not have one. */
    void requireAdminsCanBeInvited() {
        requireStatus("only an active member can invite admins", OrganizationStatus.ACTIVE);
    }

    long recordInvitation(String userId, boolean created, boolean invitationSent) {
        if (!memberAdmins.contains(userId)) {
            apply(new MemberAdminInvited(id, userId, created, invitationSent));
        }
        return getVersion();
    }

    /**
     * @param currentAdmins the organization's admins as the identity provider has them now: accounts made before
     *                      this history began (demo accounts, say) count as much as the recorded ones
     */
    long removeAdmin(String userId, Collection<String> currentAdmins) {
        requireNotWithdrawn();
        if (!currentAdmins.contains(userId)) {
            throw new MembershipRuleViolation("account " + userId + " is not an admin of this organization");
        }
        if (currentAdmins.size() < 2) {
            throw new MembershipRuleViolation(
                    "the last admin of an organization cannot be removed; invite another admin first");
        }
        apply(new MemberAdminRemoved(id, userId));
        return getVersion();
    }

    // ---- rules --------------------------------------------------------------------------------------------------

    private void requireStatus(String rule, OrganizationStatus... allowed) {
        requireNotWithdrawn();
        if (!EnumSet.of(allowed[0], allowed).contains(status)) {
            throw new MembershipRuleViolation(rule + " (current state: " + status + ")");
        }
    }

    private void requireNotWithdrawn() {
        if (status == OrganizationStatus.WITHDRAWN) {
            throw new MembershipRuleViolation("the organization has withdrawn; nothing about it can change");
        }
        if (status == OrganizationStatus.REJECTED) {
            throw new MembershipRuleViolation("the application was rejected; nothing about it can change");
        }
    }

    private void requireEditable() {
        requireNotWithdrawn();
    }

    private void requireContact(ContactId contactId) {
        if (!contacts.containsKey(contactId)) {
            throw new MembershipRuleViolation("contact " + contactId + " is not a current contact of this organization");
        }
        if (erasedContacts.contains(contactId)) {
            throw new MembershipRuleViolation("contact " + contactId + " was erased; add a new contact instead");
        }
    }

    private void requireNotBeforeJoining(LocalDate date, String field, String what) {
        if (date != null && joinedOn != null && date.isBefore(joinedOn)) {
            throw new InvalidMembershipInput(List.of(new FieldViolation(field,
                    what + " cannot take effect before the member joined (" + joinedOn + ")")));
        }
    }

    // ---- state --------------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(MembershipApplicationSubmitted event) {
        id = event.organizationId();
        status = OrganizationStatus.APPLIED;
        profile = event.profile();
        category = event.requestedCategory();
        primaryContact = event.primaryContact().contactId();
        contacts.put(primaryContact, event.primaryContact());
        everKnownContacts.add(primaryContact);
    }

    @EventSourcingHandler
    void on(MembershipApplicationResubmitted event) {
        status = OrganizationStatus.APPLIED;
        profile = event.profile();
        category = event.requestedCategory();
        contacts.put(event.primaryContact().contactId(), event.primaryContact());
        everKnownContacts.add(event.primaryContact().contactId());
        primaryContact = event.primaryContact().contactId();
    }

    @EventSourcingHandler
    void on(MembershipApplicationSentBack event) {
        status = OrganizationStatus.RETURNED_FOR_CHANGES;
    }

    @EventSourcingHandler
    void on(MembershipApplicationRejected event) {
        status = OrganizationStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(MembershipApplicationApproved event) {
        status = OrganizationStatus.ACTIVE;
        category = event.category();
        joinedOn = event.joinedOn();
    }

    @EventSourcingHandler
    void on(MemberCategoryChanged event) {
        category = event.to();
    }

    @EventSourcingHandler
    void on(SteeringMemberAppointed event) {
        steeringMember = true;
        steeringTermStart = event.termStart();
    }

    @EventSourcingHandler
    void on(SteeringMemberTermEnded event) {
        steeringMember = false;
    }

    @EventSourcingHandler
    void on(MemberSuspended event) {
        status = OrganizationStatus.SUSPENDED;
    }

    @EventSourcingHandler
    void on(MemberReinstated event) {
        status = OrganizationStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(MemberWithdrawn event) {
        status = OrganizationStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(OrganizationProfileUpdated event) {
        profile = event.profile();
    }

    @EventSourcingHandler
    void on(ProfileChangeProposed event) {
        pendingProposal = new PendingProposal(event.proposalId(), List.copyOf(event.changes()));
    }

    @EventSourcingHandler
    void on(ProfileChangeApproved event) {
        pendingProposal = null;
    }

    @EventSourcingHandler
    void on(ProfileChangeRejected event) {
        pendingProposal = null;
    }

    @EventSourcingHandler
    void on(ProfileChangeProposalClosed event) {
        pendingProposal = null;
    }

    @EventSourcingHandler
    void on(ContactAdded event) {
        contacts.put(event.contact().contactId(), event.contact());
        everKnownContacts.add(event.contact().contactId());
    }

    @EventSourcingHandler
    void on(ContactChanged event) {
        contacts.put(event.contact().contactId(), event.contact());
    }

    @EventSourcingHandler
    void on(ContactRemoved event) {
        contacts.remove(event.contactId());
    }

    @EventSourcingHandler
    void on(PrimaryContactChanged event) {
        primaryContact = event.contactId();
    }

    @EventSourcingHandler
    void on(ContactPersonalDataErased event) {
        erasedContacts.add(event.contactId());
    }

    @EventSourcingHandler
    void on(MemberAdminAccountProvisioned event) {
        memberAdmins.add(event.userId());
        contactsWithAccountOutcome.add(event.contactId());
    }

    @EventSourcingHandler
    void on(MemberAdminAccountNotProvisioned event) {
        contactsWithAccountOutcome.add(event.contactId());
    }

    @EventSourcingHandler
    void on(MemberAdminAccountsDisabled event) {
        lastAccountsChangeCause = event.triggeringEvent();
    }

    @EventSourcingHandler
    void on(MemberAdminAccountsEnabled event) {
        lastAccountsChangeCause = event.triggeringEvent();
    }

    @EventSourcingHandler
    void on(MemberAdminInvited event) {
        memberAdmins.add(event.userId());
    }

    @EventSourcingHandler
    void on(MemberAdminRemoved event) {
        memberAdmins.remove(event.userId());
    }
}
