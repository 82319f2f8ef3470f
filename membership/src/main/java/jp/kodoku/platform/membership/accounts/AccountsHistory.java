package jp.kodoku.platform.membership.accounts;

import jp.kodoku.platform.membership.api.*;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the accounts handler needs to know of one organization, read from its own events at the moment of handling:
 * who the primary contact is now, and which account work is already on record. Reading the organization's stream
 * (not a read model of its own) keeps the handler stateless, so a reset of its token needs no clean-up.
 */
final class AccountsHistory {

    private final Map<ContactId, ContactPerson> contacts = new HashMap<>();
    private ContactId primaryContact;
    private boolean accountOutcomeRecorded;
    private final Set<Long> handledCauses = new HashSet<>();
    /** The account made for each contact person (at approval), by contact. */
    private final Map<ContactId, String> accountOfContact = new HashMap<>();

    static AccountsHistory of(EventStore events, OrganizationId organization) {
        AccountsHistory history = new AccountsHistory();
        DomainEventStream stream = events.readEvents(organization.value());
        while (stream.hasNext()) {
            history.apply(stream.next());
        }
        return history;
    }

    /** The primary contact as the organization has it now, with the data as last recorded; null if unknown. */
    ContactPerson primaryContact() {
        return primaryContact == null ? null : contacts.get(primaryContact);
    }

    /** An account for the primary contact, or the reason there is none, is on record already. */
    boolean accountOutcomeRecorded() {
        return accountOutcomeRecorded;
    }

    /** The account made for this contact person, if one was. */
    java.util.Optional<String> accountOf(ContactId contact) {
        return java.util.Optional.ofNullable(accountOfContact.get(contact));
    }

    /** The accounts change the event with this sequence number called for is on record already. */
    boolean handled(long cause) {
        return handledCauses.contains(cause);
    }

    private void apply(DomainEventMessage<?> message) {
        Object event = message.getPayload();
        if (event instanceof MembershipApplicationSubmitted e) {
            primary(e.primaryContact());
        } else if (event instanceof MembershipApplicationResubmitted e) {
            primary(e.primaryContact());
        } else if (event instanceof ContactAdded e) {
            contacts.put(e.contact().contactId(), e.contact());
        } else if (event instanceof ContactChanged e) {
            contacts.put(e.contact().contactId(), e.contact());
        } else if (event instanceof PrimaryContactChanged e) {
            primaryContact = e.contactId();
        } else if (event instanceof MemberAdminAccountProvisioned e) {
            accountOutcomeRecorded = true;
            accountOfContact.put(e.contactId(), e.userId());
        } else if (event instanceof MemberAdminAccountNotProvisioned) {
            accountOutcomeRecorded = true;
        } else if (event instanceof MemberAdminAccountsDisabled e) {
            handledCauses.add(e.triggeringEvent());
        } else if (event instanceof MemberAdminAccountsEnabled e) {
            handledCauses.add(e.triggeringEvent());
        }
    }

    private void primary(ContactPerson contact) {
        contacts.put(contact.contactId(), contact);
        primaryContact = contact.contactId();
    }
}
