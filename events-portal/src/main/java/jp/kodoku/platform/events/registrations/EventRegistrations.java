package jp.kodoku.platform.events.registrations;

import jp.kodoku.platform.events.api.PromotionCause;
import jp.kodoku.platform.events.api.RegistrationStatus;
import jp.kodoku.platform.infra.personaldata.SealedValue;
import jp.kodoku.platform.infra.readmodel.VersionedDocument;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Every registration of one event, in the {@code event_registrations} collection, with the waitlist in order and what
 * a registrant's view needs of the event (its title, time and online URL). One document per event: the waitlist
 * position of each entry is its index in {@link #waitlist}, and a promotion changes one document.
 */
@Document(EventRegistrations.COLLECTION)
class EventRegistrations extends VersionedDocument<EventRegistrations> {

    static final String COLLECTION = "event_registrations";

    String title;
    String startDate;
    String startTime;
    String endDate;
    String endTime;
    String startsAt;
    String onlineUrl;
    String description;
    String location;
    boolean cancelled;
    /** When the last event changed it (ISO instant). */
    String changedAt;
    List<Entry> entries = new ArrayList<>();
    /** Registration ids of the waitlist, first in line first. */
    List<String> waitlist = new ArrayList<>();
    /** Member organizations with a registration here: what "my organization's registrations" looks up. */
    List<String> organizations = new ArrayList<>();

    /**
     * One registration. Personal data stays sealed here; the queries unseal it for those who may see it, and erasure
     * makes it unreadable for good.
     */
    record Entry(String registrationId, RegistrationStatus status, int seats, String organizationId, String account,
                 SealedValue name, SealedValue email, String accessTokenHash, Long acceptedAs,
                 PromotionCause promotedBecause, Integer attendedSeats, String registeredAt) {

        Entry withStatus(RegistrationStatus to) {
            return new Entry(registrationId, to, seats, organizationId, account, name, email, accessTokenHash, acceptedAs,
                    promotedBecause, attendedSeats, registeredAt);
        }
    }

    Entry entry(String registrationId) {
        return entries.stream().filter(e -> e.registrationId().equals(registrationId)).findFirst().orElse(null);
    }

    /** Stores the entry; a registration already here keeps the time it was first made (a public one's request). */
    void put(Entry changed) {
        Entry before = entry(changed.registrationId());
        Entry entry = before == null || before.registeredAt() == null ? changed
                : new Entry(changed.registrationId(), changed.status(), changed.seats(), changed.organizationId(),
                        changed.account(), changed.name(), changed.email(), changed.accessTokenHash(),
                        changed.acceptedAs(), changed.promotedBecause(), changed.attendedSeats(), before.registeredAt());
        entries.removeIf(e -> e.registrationId().equals(entry.registrationId()));
        entries.add(entry);
        if (entry.organizationId() != null && !organizations.contains(entry.organizationId())) {
            organizations.add(entry.organizationId());
        }
    }

    void change(String registrationId, UnaryOperator<Entry> change) {
        entries.replaceAll(e -> e.registrationId().equals(registrationId) ? change.apply(e) : e);
    }
}
