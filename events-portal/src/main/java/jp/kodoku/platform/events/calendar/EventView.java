package jp.kodoku.platform.events.calendar;

import jp.kodoku.platform.events.api.*;
import jp.kodoku.platform.infra.readmodel.VersionedDocument;
import jp.kodoku.platform.membership.api.OrganizationId;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

/**
 * One event as the calendar shows it, in the {@code events} collection. Dates and times are ISO strings (Japan time)
 * so that range queries compare them as text on every MongoDB server; {@code startsAt}/{@code endsAt} are instants
 * (UTC, ISO) for sorting.
 */
@Document(EventView.COLLECTION)
class EventView extends VersionedDocument<EventView> {

    static final String COLLECTION = "events";

    EventKind kind;
    String title;
    String description;
    CourseLevel courseLevel;
    String campaignId;
    boolean secretariatOrganizes;
    List<String> organizerOrganizations = new ArrayList<>();
    String proposer;
    String startDate;
    String startTime;
    String endDate;
    String endTime;
    String startsAt;
    String endsAt;
    /** 年度 of the start date (April–March). */
    int fiscalYear;
    String venueName;
    String venueAddress;
    String prefectureCode;
    String onlineUrl;
    Visibility visibility;
    EventStatus status;
    String statusReason;
    Integer symposiumNumber;
    boolean takesRegistrations;
    Integer capacity;
    String opensAt;
    String closesAt;
    int seatLimit;
    Integer reminderDaysBefore;
    Integer reminderHoursBefore;
    /** Registrations holding seats now, and their seats. */
    int confirmedRegistrations;
    int confirmedSeats;
    int waitlistedRegistrations;
    int attendedSeats;
    /** When the last event changed it (ISO instant): the iCalendar's DTSTAMP and LAST-MODIFIED. */
    String changedAt;
    /** Seats attended by registration id. */
    Map<String, Integer> attendance = new LinkedHashMap<>();

    void setDetails(EventDetails d) {
        kind = d.kind();
        title = d.title();
        description = d.description();
        courseLevel = d.courseLevel();
        campaignId = d.campaignId() == null ? null : d.campaignId().value();
        secretariatOrganizes = d.secretariatOrganizes();
        organizerOrganizations = new ArrayList<>(d.organizerOrganizations().stream().map(OrganizationId::value).toList());
        setSchedule(d.schedule());
        venueName = d.venue() == null ? null : d.venue().name();
        venueAddress = d.venue() == null ? null : d.venue().address();
        prefectureCode = d.venue() == null ? null : d.venue().prefectureCode();
        onlineUrl = d.onlineUrl();
        visibility = d.visibility();
        RegistrationSettings r = d.registration();
        takesRegistrations = r != null;
        capacity = r == null ? null : r.capacity();
        opensAt = r == null || r.opensAt() == null ? null : r.opensAt().toString();
        closesAt = r == null || r.closesAt() == null ? null : r.closesAt().toString();
        seatLimit = r == null ? 0 : r.seatLimit();
        reminderDaysBefore = r == null ? null : r.reminderDaysBefore();
        reminderHoursBefore = r == null ? null : r.reminderHoursBefore();
    }

    void setSchedule(Schedule s) {
        startDate = s.startDate().toString();
        startTime = s.startTime() == null ? null : s.startTime().toString();
        endDate = s.endDate().toString();
        endTime = s.endTime() == null ? null : s.endTime().toString();
        startsAt = s.startsAt().toString();
        endsAt = s.endsAt().toString();
        fiscalYear = fiscalYearOf(s.startDate());
    }

    static int fiscalYearOf(LocalDate date) {
        return date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
    }

    Schedule schedule() {
        return new Schedule(LocalDate.parse(startDate), startTime == null ? null : LocalTime.parse(startTime),
                LocalDate.parse(endDate), endTime == null ? null : LocalTime.parse(endTime));
    }

    EventSummary toSummary(boolean withOnlineUrl) {
        Venue venue = venueName == null ? null : new Venue(venueName, venueAddress, prefectureCode);
        RegistrationSettings registration = takesRegistrations ? new RegistrationSettings(capacity,
                opensAt == null ? null : LocalDateTime.parse(opensAt), closesAt == null ? null : LocalDateTime.parse(closesAt),
                seatLimit, reminderDaysBefore, reminderHoursBefore) : null;
        return new EventSummary(new EventId(id), kind, title, description, courseLevel,
                campaignId == null ? null : new EventId(campaignId), secretariatOrganizes,
                organizerOrganizations.stream().map(OrganizationId::new).toList(),
                proposer == null ? null : new OrganizationId(proposer), schedule(), venue, onlineUrl != null,
                withOnlineUrl ? onlineUrl : null, visibility, status, statusReason, symposiumNumber, registration,
                confirmedSeats, waitlistedRegistrations, changedAt == null ? null : java.time.Instant.parse(changedAt),
                version);
    }
}
