package jp.kodoku.platform.membership.organization;

import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.identity.MemberAccounts;
import jp.kodoku.platform.infra.personaldata.PersonalDataVault;
import jp.kodoku.platform.infra.personaldata.SealedValue;
import jp.kodoku.platform.membership.api.*;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands whose decision needs something beyond the aggregate: set-wide uniqueness, a member number, sealing or
 * erasing personal data. Everything here runs in the transaction that appends the
 * events, so either all of it happens or none of it does. The aggregate still makes every decision about its state.
 */
@Component
public class MembershipCommandHandler {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final Repository<MemberOrganization> repository;
    private final OrganizationRegistry registry;
    private final MemberNumbers memberNumbers;
    private final PersonalDataVault vault;

    public MembershipCommandHandler(Repository<MemberOrganization> repository, OrganizationRegistry registry,
                                    MemberNumbers memberNumbers, PersonalDataVault vault) {
        this.repository = repository;
        this.registry = registry;
        this.memberNumbers = memberNumbers;
        this.vault = vault;
    }

    @CommandHandler
    public long handle(SubmitMembershipApplication command) throws Exception {
        OrganizationProfile profile = ProfileRules.normalize(command.profile());
        ContactDetails contact = ProfileRules.normalize(command.primaryContact());
        List<FieldViolation> violations = new ArrayList<>(ProfileRules.violations(profile, "profile."));
        violations.addAll(ProfileRules.violations(contact, "primaryContact."));
        if (command.requestedCategory() == null) {
            violations.add(new FieldViolation("requestedCategory", "is required"));
        }
        if (command.bylawsVersion() == null || command.bylawsVersion().isBlank()) {
            violations.add(new FieldViolation("bylawsVersion", "is required: the version of the bylaws (会則) agreed to"));
        } else if (command.bylawsVersion().length() > 20) {
            violations.add(new FieldViolation("bylawsVersion", "must be at most 20 characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidMembershipInput(violations);
        }
        registry.claim(command.organizationId(), profile);
        ContactPerson primary = seal(ContactId.random(), contact);
        repository.newInstance(() -> new MemberOrganization(command.organizationId(), profile,
                command.requestedCategory(), primary, command.bylawsVersion().strip(), command.accessTokenHash()));
        return 0L;
    }

    @CommandHandler
    public long handle(ResubmitMembershipApplication command) throws Exception {
        OrganizationProfile profile = ProfileRules.normalize(command.profile());
        ContactDetails contact = ProfileRules.normalize(command.primaryContact());
        List<FieldViolation> violations = new ArrayList<>(ProfileRules.violations(profile, "profile."));
        violations.addAll(ProfileRules.violations(contact, "primaryContact."));
        if (command.requestedCategory() == null) {
            violations.add(new FieldViolation("requestedCategory", "is required"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidMembershipInput(violations);
        }
        Aggregate<MemberOrganization> organization = repository.load(command.organizationId().value());
        registry.claim(command.organizationId(), profile);
        ContactId primary = organization.invoke(MemberOrganization::replaceablePrimaryContact).orElseGet(ContactId::random);
        return organization.invoke(o -> o.resubmit(profile, command.requestedCategory(), seal(primary, contact)));
    }

    @CommandHandler
    public long handle(ApproveMembershipApplication command) {
        Aggregate<MemberOrganization> organization = load(command.organizationId(), command.expectedVersion());
        LocalDate joinedOn = command.joinedOn() != null ? command.joinedOn() : LocalDate.now(JAPAN);
        int memberNumber = organization.invoke(MemberOrganization::awaitsDecision) ? memberNumbers.next() : 0;
        return organization.invoke(o -> o.approve(memberNumber, joinedOn));
    }

    @CommandHandler
    public long handle(RejectMembershipApplication command) {
        long version = load(command.organizationId(), command.expectedVersion()).invoke(o -> o.reject(command.reason()));
        registry.release(command.organizationId());
        return version;
    }

    @CommandHandler
    public long handle(RecordWithdrawal command) {
        long version = load(command.organizationId(), command.expectedVersion())
                .invoke(o -> o.withdraw(command.kind(), command.reason(), command.effectiveDate()));
        registry.release(command.organizationId());
        return version;
    }

    @CommandHandler
    public long handle(UpdateOrganizationProfile command) {
        Aggregate<MemberOrganization> organization = load(command.organizationId(), command.expectedVersion());
        List<FieldViolation> violations = new ArrayList<>();
        command.patch().cleared().stream()
               .filter(field -> !ProfilePatch.CLEARABLE.contains(field))
               .forEach(field -> violations.add(new FieldViolation(field, "is required and cannot be removed")));
        OrganizationProfile updated = ProfileRules.normalize(command.patch().applyTo(organization.invoke(MemberOrganization::profile)));
        violations.addAll(ProfileRules.violations(updated, ""));
        if (!violations.isEmpty()) {
            throw new InvalidMembershipInput(violations);
        }
        long version = organization.invoke(o -> o.updateProfile(updated));
        registry.claim(command.organizationId(), updated);
        return version;
    }

    /**
     * A member admin's change: with moderation on, the patch applies on top of the pending proposal (see
     * {@link MemberOrganization#profileAsProposed()}); the registry follows the published profile only, so a proposed
     * name claims nothing until it is approved.
     */
    @CommandHandler
    public ProfileChangeReceipt handle(ChangeProfileAsMemberAdmin command, ModeratedFields moderatedFields) {
        Aggregate<MemberOrganization> organization = load(command.organizationId(), command.expectedVersion());
        List<FieldViolation> violations = new ArrayList<>();
        command.patch().cleared().stream()
               .filter(field -> !ProfilePatch.CLEARABLE.contains(field))
               .forEach(field -> violations.add(new FieldViolation(field, "is required and cannot be removed")));
        java.util.Set<String> moderated = moderatedFields.now();
        OrganizationProfile base = organization.invoke(moderated.isEmpty()
                ? MemberOrganization::profile : MemberOrganization::profileAsProposed);
        OrganizationProfile target = ProfileRules.normalize(command.patch().applyTo(base));
        violations.addAll(ProfileRules.violations(target, ""));
        if (!violations.isEmpty()) {
            throw new InvalidMembershipInput(violations);
        }
        ProfileChangeReceipt receipt = organization.invoke(o -> o.changeAsMemberAdmin(target, moderated,
                command.proposalId()));
        registry.claim(command.organizationId(), organization.invoke(MemberOrganization::profile));
        return receipt;
    }

    /** The registry claim of a proposed name happens here, at approval, in the transaction that publishes it. */
    @CommandHandler
    public long handle(ApproveProfileChange command) {
        Aggregate<MemberOrganization> organization = load(command.organizationId(), command.expectedVersion());
        String note = command.note() == null || command.note().isBlank() ? null : command.note().strip();
        long version = organization.invoke(o -> o.approveProfileChange(command.proposalId(), note));
        registry.claim(command.organizationId(), organization.invoke(MemberOrganization::profile));
        return version;
    }

    @CommandHandler
    public long handle(AddContact command) {
        ContactDetails contact = ProfileRules.normalize(command.details());
        ProfileRules.check(contact, "");
        Aggregate<MemberOrganization> organization = load(command.organizationId(), command.expectedVersion());
        return organization.invoke(o -> o.addContact(seal(command.contactId(), contact)));
    }

    @CommandHandler
    public long handle(ChangeContact command) {
        ContactDetails contact = ProfileRules.normalize(command.details());
        ProfileRules.check(contact, "");
        Aggregate<MemberOrganization> organization = load(command.organizationId(), command.expectedVersion());
        organization.execute(o -> o.requireContactCanBeChanged(command.contactId()));
        return organization.invoke(o -> o.changeContact(seal(command.contactId(), contact)));
    }

    @CommandHandler
    public long handle(ErasePersonalData command) {
        long version = load(command.organizationId(), null)
                .invoke(o -> o.erasePersonalData(command.contactId(), command.reason()));
        vault.erase(command.contactId().value());
        return version;
    }

    /*
     * Invitations and removals change accounts in the identity provider while the organization is loaded (and
     * locked), so the decision and the change cannot drift apart. The accounts come in as a handler parameter (a
     * Spring bean, or a fixture's resource in tests) because only these two handlers need them.
     */

    @CommandHandler
    public MemberAdminInvitation handle(InviteMemberAdmin command, MemberAccounts accounts) {
        ContactDetails invitee = ProfileRules.normalize(new ContactDetails(command.name(), command.email(), null, null));
        ProfileRules.check(invitee, "");
        Aggregate<MemberOrganization> organization = load(command.organizationId(), command.expectedVersion());
        organization.execute(MemberOrganization::requireAdminsCanBeInvited);
        MemberAccounts.Provisioning account = accounts.provision(command.organizationId().value(), invitee.name(),
                invitee.email());
        if (account.status() == MemberAccounts.Status.BELONGS_TO_ANOTHER_ORGANIZATION) {
            throw new MembershipRuleViolation("this e-mail address already has an account that acts for another "
                    + "organization; an account acts for one organization only");
        }
        if (account.status() == MemberAccounts.Status.REFUSED) {
            throw new InvalidMembershipInput(List.of(new FieldViolation("email", account.detail())));
        }
        long version = organization.invoke(o -> o.recordInvitation(account.userId(), account.created(),
                account.invitationSent()));
        return new MemberAdminInvitation(account.userId(), account.created(), account.invitationSent(), version);
    }

    @CommandHandler
    public long handle(RemoveMemberAdmin command, MemberAccounts accounts) {
        Aggregate<MemberOrganization> organization = load(command.organizationId(), command.expectedVersion());
        List<String> admins = accounts.admins(command.organizationId().value()).stream()
                                      .map(MemberAccounts.Account::id).toList();
        long version = organization.invoke(o -> o.removeAdmin(command.userId(), admins));
        // After the decision: if this fails, the recorded removal rolls back with the transaction.
        accounts.remove(command.organizationId().value(), command.userId());
        return version;
    }

    private Aggregate<MemberOrganization> load(OrganizationId id, Long expectedVersion) {
        return repository.load(id.value(), expectedVersion);
    }

    private ContactPerson seal(ContactId id, ContactDetails contact) {
        SealedValue[] sealed = vault.seal(id.value(), contact.name(), contact.email(), blankToNull(contact.phone()));
        return new ContactPerson(id, sealed[0], sealed[1], sealed[2], blankToNull(contact.department()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
