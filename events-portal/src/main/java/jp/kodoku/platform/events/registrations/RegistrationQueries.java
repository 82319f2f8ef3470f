package jp.kodoku.platform.events.registrations;

import jp.kodoku.platform.events.api.*;
import jp.kodoku.platform.infra.personaldata.PersonalDataVault;
import jp.kodoku.platform.infra.personaldata.SealedValue;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.events.EventIcs;
import jp.kodoku.platform.infra.calendar.IcsCalendar;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Registrations as the secretariat, a member organization and a registrant read them. */
@Component
class RegistrationQueries {

    private final MongoTemplate mongo;
    private final PersonalDataVault vault;
    private final String baseUrl;

    RegistrationQueries(MongoTemplate mongo, PersonalDataVault vault, @org.springframework.beans.factory.annotation.Value(
            "${platform.events.base-url:http://localhost:8080}") String baseUrl) {
        this.mongo = mongo;
        this.vault = vault;
        this.baseUrl = baseUrl;
    }

    /** Confirmed in the order accepted, then the waitlist in its order, then pending, then the ended ones. */
    @QueryHandler
    List<RegistrationSummary> handle(ListRegistrations query) {
        EventRegistrations d = mongo.findById(query.eventId().value(), EventRegistrations.class);
        if (d == null) {
            return List.of();
        }
        List<RegistrationSummary> list = new ArrayList<>();
        d.entries.stream().filter(e -> e.status() == RegistrationStatus.CONFIRMED)
                 .sorted(Comparator.comparing(EventRegistrations.Entry::acceptedAs))
                 .forEach(e -> list.add(summary(d, e, true)));
        d.waitlist.forEach(id -> list.add(summary(d, d.entry(id), true)));
        d.entries.stream().filter(e -> e.status() == RegistrationStatus.PENDING_CONFIRMATION)
                 .forEach(e -> list.add(summary(d, e, true)));
        d.entries.stream().filter(e -> e.status() != RegistrationStatus.CONFIRMED
                         && e.status() != RegistrationStatus.WAITLISTED && e.status() != RegistrationStatus.PENDING_CONFIRMATION)
                 .forEach(e -> list.add(summary(d, e, true)));
        return list;
    }

    @QueryHandler
    Optional<RegistrationSummary> handle(FindRegistrationByAccessToken query) {
        EventRegistrations d = mongo.findById(query.eventId().value(), EventRegistrations.class);
        if (d == null || query.accessTokenHash() == null) {
            return Optional.empty();
        }
        return d.entries.stream().filter(e -> query.accessTokenHash().equals(e.accessTokenHash())).findFirst()
                        .map(e -> summary(d, e, true));
    }

    /** The organization's own registrations, soonest event first; the account names are its own staff's. */
    @QueryHandler
    List<RegistrationSummary> handle(ListOrganizationRegistrations query) {
        String organization = query.organizationId().value();
        Query q = Query.query(Criteria.where("organizations").is(organization)).with(Sort.by("startsAt", "_id"));
        List<RegistrationSummary> list = new ArrayList<>();
        for (EventRegistrations d : mongo.find(q, EventRegistrations.class)) {
            d.entries.stream().filter(e -> organization.equals(e.organizationId()))
                     .sorted(Comparator.comparing(e -> e.acceptedAs() == null ? Long.MAX_VALUE : e.acceptedAs()))
                     .forEach(e -> list.add(summary(d, e, false)));
        }
        return list;
    }

    /** The registrant's own calendar entry: with the online URL while the seats are held. */
    @QueryHandler
    Optional<String> handle(RenderRegistrationIcs query) {
        EventRegistrations d = mongo.findById(query.eventId().value(), EventRegistrations.class);
        if (d == null || query.accessTokenHash() == null) {
            return Optional.empty();
        }
        return d.entries.stream().filter(e -> query.accessTokenHash().equals(e.accessTokenHash())).findFirst().map(e -> {
            boolean holds = e.status() == RegistrationStatus.CONFIRMED;
            String description = (d.description == null ? d.title : d.description)
                    + (holds && d.onlineUrl != null ? "\nオンライン参加URL: " + d.onlineUrl : "");
            boolean off = d.cancelled || !(holds || e.status() == RegistrationStatus.WAITLISTED);
            return IcsCalendar.publish(d.title).add(EventIcs.entry(d.id, d.version, off, d.title, description,
                    schedule(d), d.location != null ? d.location : d.onlineUrl != null ? "オンライン" : null,
                    EventIcs.page(baseUrl, d.id), d.changedAt == null ? java.time.Instant.EPOCH
                            : java.time.Instant.parse(d.changedAt))).toIcs();
        });
    }

    private static Schedule schedule(EventRegistrations d) {
        return new Schedule(LocalDate.parse(d.startDate), d.startTime == null ? null : LocalTime.parse(d.startTime),
                LocalDate.parse(d.endDate), d.endTime == null ? null : LocalTime.parse(d.endTime));
    }

    private RegistrationSummary summary(EventRegistrations d, EventRegistrations.Entry e, boolean personalData) {
        int index = d.waitlist.indexOf(e.registrationId());
        Schedule schedule = new Schedule(LocalDate.parse(d.startDate), d.startTime == null ? null : LocalTime.parse(d.startTime),
                LocalDate.parse(d.endDate), d.endTime == null ? null : LocalTime.parse(d.endTime));
        return new RegistrationSummary(new RegistrationId(e.registrationId()), new EventId(d.id), d.title, schedule,
                e.status(), e.seats(), e.organizationId() == null ? null : new OrganizationId(e.organizationId()),
                personalData ? unseal(e.name()) : null, personalData ? unseal(e.email()) : null, e.acceptedAs(),
                index < 0 ? null : index + 1, e.status() == RegistrationStatus.CONFIRMED ? d.onlineUrl : null,
                e.promotedBecause(), e.attendedSeats(),
                e.registeredAt() == null ? null : java.time.Instant.parse(e.registeredAt()), d.version);
    }

    private String unseal(SealedValue value) {
        return value == null ? null : vault.unseal(value).orElse(null);
    }
}
