package jp.kodoku.platform.subcommittees.subcommittee;

import jp.kodoku.platform.infra.identity.ChairAccounts;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.subcommittees.api.*;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Looks up what a subcommittee's decisions need from outside it — whether organizations are active members of the
 * platform, what a sign-in account acts for — and changes the chair's account in the identity provider. The
 * {@link Subcommittee} makes every decision; all of this runs in the transaction that appends its events.
 */
@Component
class SubcommitteeCommandHandler {

    private final Repository<Subcommittee> repository;
    private final PlatformMembers platformMembers;
    SubcommitteeCommandHandler(Repository<Subcommittee> repository, PlatformMembers platformMembers) {
        this.repository = repository;
        this.platformMembers = platformMembers;
    }

    @CommandHandler
    long handle(CreateSubcommittee command) throws Exception {
        SubcommitteeRules.checkCreation(command.number(), command.title(), command.theme(), command.leadOrganizations());
        if (!command.subcommitteeId().equals(SubcommitteeId.ofNumber(command.number()))) {
            throw new InvalidSubcommitteeInput("number", "does not match the subcommittee's id");
        }
        if (exists(command.subcommitteeId())) {
            throw new SubcommitteeRuleViolation("分科会" + command.number() + " exists already; numbers are never reused");
        }
        repository.newInstance(() -> new Subcommittee(command.subcommitteeId(), command.number(), command.title(),
                command.theme(), command.leadOrganizations(), platformMembers::isActive));
        // the version after the creation and one joining per lead organization
        return command.leadOrganizations().size();
    }

    @CommandHandler
    long handle(ChangeLeadOrganizations command) {
        SubcommitteeRules.checkLeads(command.leadOrganizations());
        return load(command.subcommitteeId(), command.expectedVersion())
                .invoke(s -> s.changeLeads(command.leadOrganizations(), platformMembers::isActive));
    }

    @CommandHandler
    long handle(CloseSubcommittee command) {
        SubcommitteeRules.checkReason("reason", command.reason(), true);
        return load(command.subcommitteeId(), command.expectedVersion()).invoke(s -> s.close(command.reason()));
    }

    @CommandHandler
    long handle(AddSubcommitteeMember command) {
        SubcommitteeRules.checkOrganization(command.organizationId());
        boolean active = platformMembers.isActive(command.organizationId());
        return load(command.subcommitteeId(), command.expectedVersion())
                .invoke(s -> s.add(command.organizationId(), active));
    }

    @CommandHandler
    long handle(RequestSubcommitteeMembership command) {
        SubcommitteeRules.checkOrganization(command.organizationId());
        SubcommitteeRules.checkReason("note", command.note(), false);
        boolean active = platformMembers.isActive(command.organizationId());
        return load(command.subcommitteeId(), null)
                .invoke(s -> s.request(command.organizationId(), command.note(), active));
    }

    @CommandHandler
    long handle(ApproveSubcommitteeMembershipRequest command) {
        SubcommitteeRules.checkOrganization(command.organizationId());
        boolean active = platformMembers.isActive(command.organizationId());
        return load(command.subcommitteeId(), command.expectedVersion())
                .invoke(s -> s.approve(command.organizationId(), active));
    }

    @CommandHandler
    long handle(DeclineSubcommitteeMembershipRequest command) {
        SubcommitteeRules.checkOrganization(command.organizationId());
        SubcommitteeRules.checkReason("reason", command.reason(), true);
        return load(command.subcommitteeId(), command.expectedVersion())
                .invoke(s -> s.decline(command.organizationId(), command.reason()));
    }

    @CommandHandler
    long handle(RemoveSubcommitteeMember command) {
        SubcommitteeRules.checkOrganization(command.organizationId());
        SubcommitteeRules.checkReason("reason", command.reason(), true);
        return load(command.subcommitteeId(), command.expectedVersion())
                .invoke(s -> s.remove(command.organizationId(), command.reason()));
    }

    @CommandHandler
    long handle(RecordMembershipEnded command) {
        return load(command.subcommitteeId(), null)
                .invoke(s -> s.membershipEnded(command.organizationId(), command.cause(), command.reason()));
    }

    /*
     * The chair's account changes while the subcommittee is loaded (and locked), after the decision and before the
     * event is committed: if the identity provider fails, the event rolls back with the transaction; if the commit
     * fails after it, repeating the command gives the account what it has already (every step is safe to repeat).
     */

    @CommandHandler
    long handle(AppointChair command, ChairAccounts accounts) {
        SubcommitteeRules.checkAccount(command.userId());
        Aggregate<Subcommittee> subcommittee = load(command.subcommitteeId(), command.expectedVersion());
        ChairAccounts.Account account = accounts.find(command.userId())
                .orElseThrow(() -> new InvalidSubcommitteeInput("userId", "no sign-in account has this id"));
        OrganizationId actsFor = account.organizationId() == null ? null : new OrganizationId(account.organizationId());
        long version = subcommittee.invoke(s -> s.appointChair(command.userId(), actsFor, account.subcommitteeId()));
        accounts.appoint(command.userId(), command.subcommitteeId().value());
        return version;
    }

    @CommandHandler
    long handle(EndChairTerm command, ChairAccounts accounts) {
        SubcommitteeRules.checkAccount(command.userId());
        SubcommitteeRules.checkReason("reason", command.reason(), true);
        long version = load(command.subcommitteeId(), command.expectedVersion())
                .invoke(s -> s.endChairTerm(command.userId(), command.reason()));
        accounts.end(command.userId(), command.subcommitteeId().value());
        return version;
    }

    /** Two creations at the same moment still meet in the event store's unique key: the second one fails. */
    private boolean exists(SubcommitteeId id) {
        try {
            repository.load(id.value());
            return true;
        } catch (AggregateNotFoundException none) {
            return false;
        }
    }

    private Aggregate<Subcommittee> load(SubcommitteeId id, Long expectedVersion) {
        return repository.load(id.value(), expectedVersion);
    }
}
