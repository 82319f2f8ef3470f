package jp.kodoku.benchmarks;

import jp.kodoku.platform.infra.personaldata.PersonalDataVault;
import jp.kodoku.platform.infra.personaldata.SealedValue;
import jp.kodoku.platform.membership.api.*;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Grows the event store to a given number of events quickly: synthetic but valid histories of organizations
 * (submitted, approved, then profile updates), appended in batches through Axon's {@link EventStorageEngine} rather
 * than sent as commands (100,000 commands would take most of the run). Each history is what the aggregate would have
 * produced: the same event types, sequence numbers from 0, contacts sealed by the platform's own vault (so each
 * contact has its key in {@code personal_data_keys}), the audit metadata of every event. Not written: the
 * set-validation rows a command also writes, which no projection reads.
 */
final class SyntheticHistory {

    /** submitted, approved, and this many profile updates: five events per organization. */
    static final int UPDATES_PER_ORGANIZATION = 3;
    private static final int ORGANIZATIONS_PER_BATCH = 200;

    private final Platform platform;
    private int memberNumber = 100_000;
    private String aggregateType = "MemberOrganization";

    SyntheticHistory(Platform platform) {
        this.platform = platform;
    }

    /** Appends histories until the store holds {@code total} events; returns how many were appended. */
    long growTo(long total) {
        long have = platform.eventCount();
        long missing = total - have;
        if (missing <= 0) {
            return 0;
        }
        long t0 = System.nanoTime();
        // the aggregate type as the platform's own events have it
        platform.jdbc().query("SELECT type FROM domainevententry WHERE type IS NOT NULL LIMIT 1",
                rs -> { aggregateType = rs.getString(1); });
        EventStorageEngine engine = platform.storageEngine();
        PersonalDataVault vault = platform.bean(PersonalDataVault.class);
        TransactionTemplate transactions = platform.transactions();
        long appended = 0;
        while (appended < missing) {
            long remaining = missing - appended;
            List<EventMessage<?>> batch = transactions.execute(tx -> {
                List<EventMessage<?>> events = new ArrayList<>();
                for (int o = 0; o < ORGANIZATIONS_PER_BATCH && events.size() < remaining; o++) {
                    events.addAll(history(Organizations.next(), vault));
                }
                List<EventMessage<?>> cut = events.size() > remaining ? events.subList(0, (int) remaining) : events;
                engine.appendEvents(cut);
                return cut;
            });
            appended += batch.size();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("  appended %,d synthetic events (%,d organizations × %d events) in %.1f s: %,.0f events/s%n",
                appended, (appended + 4) / (2 + UPDATES_PER_ORGANIZATION), 2 + UPDATES_PER_ORGANIZATION, seconds,
                appended / seconds);
        return appended;
    }

    private List<DomainEventMessage<?>> history(long n, PersonalDataVault vault) {
        OrganizationId id = OrganizationId.random();
        String aggregate = id.value();
        OrganizationProfile profile = Organizations.profile(n);
        ContactDetails details = Organizations.contact(n);
        ContactId contactId = ContactId.random();
        String subject = contactId.value();
        SealedValue[] sealed = vault.seal(subject, details.name(), details.email(), details.phone());
        ContactPerson contact = new ContactPerson(contactId, sealed[0], sealed[1], sealed[2], details.department());
        List<DomainEventMessage<?>> events = new ArrayList<>();
        long seq = 0;
        events.add(event(aggregate, seq++, new MembershipApplicationSubmitted(id, profile, MemberCategory.REGULAR, contact,
                "2022-02", Organizations.sha256(UUID.randomUUID().toString()))));
        events.add(event(aggregate, seq++, new MembershipApplicationApproved(id, memberNumber++, MemberCategory.REGULAR,
                LocalDate.of(2023, 4, 1).plusDays(n % 365))));
        for (int u = 1; u <= UPDATES_PER_ORGANIZATION; u++) {
            profile = new ProfilePatch(null, null, null, null, null, null, null, null, null, null, null,
                    Organizations.description(u), null, null).applyTo(profile);
            events.add(event(aggregate, seq++, new OrganizationProfileUpdated(id, profile, List.of("publicDescription"))));
        }
        return events;
    }

    private <T> DomainEventMessage<T> event(String aggregate, long seq, T payload) {
        return new GenericDomainEventMessage<>(aggregateType, aggregate, seq, payload, Organizations.metaData(),
                UUID.randomUUID().toString(), Instant.now());
    }
}
