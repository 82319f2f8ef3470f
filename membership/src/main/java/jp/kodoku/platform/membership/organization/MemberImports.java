package jp.kodoku.platform.membership.organization;

import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.personaldata.PersonalDataVault;
import jp.kodoku.platform.infra.personaldata.SealedValue;
import jp.kodoku.platform.infra.text.TextCheckedCommands;
import jp.kodoku.platform.infra.time.PlatformDates;
import jp.kodoku.platform.membership.api.CheckImportCandidate;
import jp.kodoku.platform.membership.api.ContactDetails;
import jp.kodoku.platform.membership.api.ContactId;
import jp.kodoku.platform.membership.api.ContactPerson;
import jp.kodoku.platform.membership.api.ImportCandidateCheck;
import jp.kodoku.platform.membership.api.ImportMemberOrganization;
import jp.kodoku.platform.membership.api.InvalidMembershipInput;
import jp.kodoku.platform.membership.api.MemberCategory;
import jp.kodoku.platform.membership.api.MembershipRuleViolation;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.membership.api.OrganizationProfile;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Organizations moved in from another list (an import): the dry run's check of one candidate, and the import itself,
 * held to the rules of an application (ProfileRules, the registry, the text rule) and of an approval (the date
 * range). Apart from {@link MembershipCommandHandler} so that the import's one extra decision (a member at once) stays
 * in one place. The import sends one command per organization; the caller decides what runs in one transaction.
 */
@Component
class MemberImports {

    static final int BYLAWS_VERSION_MAX = 20;

    private final Repository<MemberOrganization> repository;
    private final OrganizationRegistry registry;
    private final MemberNumbers memberNumbers;
    private final PersonalDataVault vault;
    private final ObjectProvider<EventStore> eventStore;

    MemberImports(Repository<MemberOrganization> repository, OrganizationRegistry registry, MemberNumbers memberNumbers,
                  PersonalDataVault vault, ObjectProvider<EventStore> eventStore) {
        this.repository = repository;
        this.registry = registry;
        this.memberNumbers = memberNumbers;
        this.vault = vault;
        this.eventStore = eventStore;
    }

    @QueryHandler
    ImportCandidateCheck handle(CheckImportCandidate query) {
        OrganizationProfile profile = ProfileRules.normalize(query.profile());
        ContactDetails contact = ProfileRules.normalize(query.primaryContact());
        // the command bus holds every command to the text rule; a query is not a command, so the check is made here
        List<FieldViolation> textViolations = TextCheckedCommands.violations(query);
        List<FieldViolation> violations = new ArrayList<>(textViolations);
        violations.addAll(violations(profile, contact, query.category(), query.joinedOn(), query.bylawsVersion()));
        if (exists(query.organizationId())) {
            return new ImportCandidateCheck(violations, query.organizationId(), profile == null ? null : profile.name(),
                    null, true);
        }
        // text that breaks the rule (a NUL, say) is never a key: PostgreSQL would refuse it as a parameter
        List<OrganizationRegistry.Holder> holders = profile == null || !textViolations.isEmpty() ? List.of()
                : registry.holdersOf(profile);
        if (holders.isEmpty()) {
            return new ImportCandidateCheck(violations, null, null, null, false);
        }
        OrganizationRegistry.Holder first = holders.get(0);
        return new ImportCandidateCheck(violations, first.id(), first.name(), first.field(),
                first.id().equals(query.organizationId()));
    }

    @CommandHandler
    long handle(ImportMemberOrganization command) {
        OrganizationProfile profile = ProfileRules.normalize(command.profile());
        ContactDetails contact = ProfileRules.normalize(command.primaryContact());
        List<FieldViolation> violations = violations(profile, contact, command.category(), command.joinedOn(),
                command.bylawsVersion());
        if (!violations.isEmpty()) {
            throw new InvalidMembershipInput(violations);
        }
        if (exists(command.organizationId())) {
            throw new MembershipRuleViolation("this organization was imported before (" + command.organizationId()
                    + "); an import creates nothing twice");
        }
        registry.claim(command.organizationId(), profile);
        ContactId contactId = ContactId.random();
        SealedValue[] sealed = vault.seal(contactId.value(), contact.name(), contact.email(), blankToNull(contact.phone()));
        ContactPerson primary = new ContactPerson(contactId, sealed[0], sealed[1], sealed[2],
                blankToNull(contact.department()));
        int memberNumber = memberNumbers.next();
        try {
            repository.newInstance(() -> new MemberOrganization(command, profile, primary, memberNumber));
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        return 2L; // submitted, approved, imported: versions 0, 1 and 2
    }

    private static List<FieldViolation> violations(OrganizationProfile profile, ContactDetails contact,
                                                   MemberCategory category, LocalDate joinedOn, String bylawsVersion) {
        List<FieldViolation> violations = new ArrayList<>(ProfileRules.violations(profile, "profile."));
        violations.addAll(ProfileRules.violations(contact, "primaryContact."));
        if (category == null) {
            violations.add(new FieldViolation("category", "is required"));
        }
        if (joinedOn == null) {
            violations.add(new FieldViolation("joinedOn", "is required: the date the organization became a member"));
        } else {
            String problem = PlatformDates.problem(joinedOn, Clock.systemUTC());
            if (problem != null) {
                violations.add(new FieldViolation("joinedOn", problem));
            }
        }
        if (bylawsVersion != null && bylawsVersion.strip().length() > BYLAWS_VERSION_MAX) {
            violations.add(new FieldViolation("bylawsVersion", "must be at most " + BYLAWS_VERSION_MAX + " characters"));
        }
        return violations;
    }

    private boolean exists(OrganizationId id) {
        return id != null && eventStore.getObject().lastSequenceNumberFor(id.value()).isPresent();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
