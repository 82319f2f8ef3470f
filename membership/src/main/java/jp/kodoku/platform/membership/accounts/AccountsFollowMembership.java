package jp.kodoku.platform.membership.accounts;

import jp.kodoku.platform.infra.audit.AuditMetadata;
import jp.kodoku.platform.infra.identity.MemberAccounts;
import jp.kodoku.platform.infra.personaldata.PersonalDataVault;
import jp.kodoku.platform.membership.api.*;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Keeps the organizations' sign-in accounts in step with their membership: an account for the primary contact when
 * the application is approved; every account of the organization disabled on suspension or withdrawal and enabled on
 * reinstatement. It does the identity provider's I/O and records each outcome on the organization by a command.
 *
 * <p>Delivery is at least once and a failure is retried until it succeeds ({@link AccountsConfiguration}), so every
 * step is safe to repeat: it first reads the organization's events, and does nothing for an event whose outcome is on
 * record already (a redelivery, or a rerun after the processor's token was reset); the identity provider side reuses
 * what exists; the aggregate ignores a fact it has.
 *
 * <p>{@code platform.accounts.follow-membership=false} leaves the identity provider alone altogether: for a platform
 * whose accounts someone else keeps, and for the benchmarks, which measure the platform rather than the identity
 * provider.
 */
@Component
@ConditionalOnProperty(name = "platform.accounts.follow-membership", havingValue = "true", matchIfMissing = true)
@ProcessingGroup(AccountsFollowMembership.PROCESSING_GROUP)
class AccountsFollowMembership {

    static final String PROCESSING_GROUP = "accounts";
    /** Who the events this handler causes are attributed to. */
    static final String PRINCIPAL = "system:accounts";

    private static final Logger log = LoggerFactory.getLogger(AccountsFollowMembership.class);

    private final MemberAccounts accounts;
    private final PersonalDataVault vault;
    private final EventStore events;
    private final CommandGateway commands;

    AccountsFollowMembership(MemberAccounts accounts, PersonalDataVault vault, EventStore events,
                             CommandGateway commands) {
        this.accounts = accounts;
        this.vault = vault;
        this.events = events;
        this.commands = commands;
    }

    @EventHandler
    void on(MembershipApplicationApproved event, MetaData metaData) {
        OrganizationId organization = event.organizationId();
        AccountsHistory history = AccountsHistory.of(events, organization);
        if (history.accountOutcomeRecorded()) {
            return;
        }
        ContactPerson contact = history.primaryContact();
        Optional<String> name = vault.unseal(contact.name());
        Optional<String> email = vault.unseal(contact.email());
        if (name.isEmpty() || email.isEmpty()) {
            // Nothing to record: an event would only say that the person is gone, which the erasure already says.
            log.warn("No member-admin account for organization {}: the personal data of its primary contact {} was "
                    + "erased", organization, contact.contactId());
            return;
        }
        MemberAccounts.Provisioning account = accounts.provision(organization.value(), name.get(), email.get());
        if (account.provisioned()) {
            send(new RecordMemberAdminAccount(organization, contact.contactId(), account.userId(), account.created(),
                    account.invitationSent()), metaData);
        } else {
            log.warn("No member-admin account for organization {} (contact {}): {}", organization,
                    contact.contactId(), account.detail());
            send(new RecordMemberAdminAccountNotProvisioned(organization, contact.contactId(), account.detail()),
                    metaData);
        }
    }

    @EventHandler
    void on(MemberSuspended event, @SequenceNumber long sequenceNumber, MetaData metaData) {
        disable(event.organizationId(), sequenceNumber, metaData);
    }

    @EventHandler
    void on(MemberWithdrawn event, @SequenceNumber long sequenceNumber, MetaData metaData) {
        disable(event.organizationId(), sequenceNumber, metaData);
    }

    @EventHandler
    void on(MemberReinstated event, @SequenceNumber long sequenceNumber, MetaData metaData) {
        if (AccountsHistory.of(events, event.organizationId()).handled(sequenceNumber)) {
            return;
        }
        int enabled = accounts.enableAll(event.organizationId().value());
        send(new RecordMemberAdminAccountsEnabled(event.organizationId(), sequenceNumber, enabled), metaData);
    }

    /**
     * An erasure request covers the person's account too: its name and e-mail are the same personal data. It is
     * deleted whatever else it is allowed to do; deleting an account that is gone already changes nothing.
     */
    @EventHandler
    void on(ContactPersonalDataErased event) {
        AccountsHistory.of(events, event.organizationId()).accountOf(event.contactId())
                       .ifPresent(accounts::delete);
    }

    private void disable(OrganizationId organization, long sequenceNumber, MetaData metaData) {
        if (AccountsHistory.of(events, organization).handled(sequenceNumber)) {
            return;
        }
        int disabled = accounts.disableAll(organization.value());
        send(new RecordMemberAdminAccountsDisabled(organization, sequenceNumber, disabled), metaData);
    }

    /** The outcome carries the correlation id of the request that caused it, so the audit log links the two. */
    private void send(Object command, MetaData cause) {
        String correlationId = String.valueOf(cause.getOrDefault(AuditMetadata.CORRELATION_ID, PROCESSING_GROUP));
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                                                  .andMetaData(AuditMetadata.of(PRINCIPAL, correlationId)));
    }
}
