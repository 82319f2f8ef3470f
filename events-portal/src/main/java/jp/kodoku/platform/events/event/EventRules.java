package jp.kodoku.platform.events.event;

import jp.kodoku.platform.events.api.*;
import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.text.EmailAddresses;
import jp.kodoku.platform.membership.api.OrganizationId;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/** The one place that says what a well-formed event, schedule, registration setting and public registrant are. */
public final class EventRules {

    public static final int TITLE_MAX = 200;
    public static final int DESCRIPTION_MAX = 5000;
    public static final int VENUE_MAX = 200;
    public static final int URL_MAX = 500;
    public static final int REASON_MAX = 1000;
    public static final int NAME_MAX = 100;
    public static final int ORGANIZERS_MAX = 20;
    /** An event lasts at most this many days (a 強化月間 is a month). */
    public static final int DAYS_MAX = 62;
    private static final Pattern PREFECTURE = Pattern.compile("^(0[1-9]|[1-3][0-9]|4[0-7])$");
    private static final Pattern MARKUP = Pattern.compile("[<>]");

    private EventRules() {
    }

    public static EventDetails normalize(EventDetails d) {
        Visibility visibility = d.kind() != null && d.kind().membersOnly() ? Visibility.MEMBERS_ONLY : d.visibility();
        Venue venue = d.venue() == null ? null
                : new Venue(strip(d.venue().name()), strip(d.venue().address()), strip(d.venue().prefectureCode()));
        return new EventDetails(d.kind(), strip(d.title()), strip(d.description()), d.courseLevel(), d.campaignId(),
                d.secretariatOrganizes(), d.organizerOrganizations(), d.schedule(), venue, blankToNull(strip(d.onlineUrl())),
                visibility, d.registration());
    }

    public static void check(EventDetails d) {
        List<FieldViolation> v = violations(d);
        if (!v.isEmpty()) {
            throw new InvalidEventInput(v);
        }
    }

    public static List<FieldViolation> violations(EventDetails d) {
        List<FieldViolation> v = new ArrayList<>();
        if (d.kind() == null) {
            v.add(new FieldViolation("kind", "is required"));
        }
        text(v, "title", d.title(), TITLE_MAX, true);
        noMarkup(v, "title", d.title());
        text(v, "description", d.description(), DESCRIPTION_MAX, false);
        if (d.kind() == EventKind.TRAINING_COURSE && d.courseLevel() == null) {
            v.add(new FieldViolation("courseLevel", "is required for a training course (STANDARD, CHILDREN or ADVANCED)"));
        } else if (d.kind() != EventKind.TRAINING_COURSE && d.courseLevel() != null) {
            v.add(new FieldViolation("courseLevel", "is only for a training course"));
        }
        if (d.kind() == EventKind.CAMPAIGN_EVENT && d.campaignId() == null) {
            v.add(new FieldViolation("campaignId", "is required for a campaign event: the 強化月間 it belongs to"));
        } else if (d.kind() != EventKind.CAMPAIGN_EVENT && d.campaignId() != null) {
            v.add(new FieldViolation("campaignId", "is only for a campaign event"));
        }
        if (!d.secretariatOrganizes() && d.organizerOrganizations().isEmpty()) {
            v.add(new FieldViolation("organizerOrganizations", "is required unless the secretariat organizes the event"));
        }
        if (d.organizerOrganizations().size() > ORGANIZERS_MAX) {
            v.add(new FieldViolation("organizerOrganizations", "must have at most " + ORGANIZERS_MAX + " organizations"));
        }
        if (d.organizerOrganizations().stream().anyMatch(o -> o == null || o.value() == null || o.value().isBlank())) {
            v.add(new FieldViolation("organizerOrganizations", "must name organizations by their id"));
        } else if (new HashSet<>(d.organizerOrganizations()).size() < d.organizerOrganizations().size()) {
            v.add(new FieldViolation("organizerOrganizations", "must name each organization once"));
        }
        v.addAll(violations(d.schedule(), "schedule."));
        boolean campaign = d.kind() == EventKind.CAMPAIGN;
        if (d.venue() != null) {
            text(v, "venue.name", d.venue().name(), VENUE_MAX, true);
            noMarkup(v, "venue.name", d.venue().name());
            text(v, "venue.address", d.venue().address(), VENUE_MAX, false);
            if (d.venue().prefectureCode() == null || !PREFECTURE.matcher(d.venue().prefectureCode()).matches()) {
                v.add(new FieldViolation("venue.prefectureCode", "must be a JIS X 0401 prefecture code, 01 to 47"));
            }
        }
        if (d.onlineUrl() != null && !isHttps(d.onlineUrl())) {
            v.add(new FieldViolation("onlineUrl", "must be an https address of at most " + URL_MAX + " characters"));
        }
        if (!campaign && d.venue() == null && d.onlineUrl() == null) {
            v.add(new FieldViolation("venue", "is required unless the event is online (onlineUrl)"));
        }
        if (d.visibility() == null) {
            v.add(new FieldViolation("visibility", "is required (PUBLIC or MEMBERS_ONLY)"));
        }
        if (campaign && d.registration() != null) {
            v.add(new FieldViolation("registration", "a campaign takes no registrations; its events do"));
        }
        if (d.registration() != null) {
            v.addAll(violations(d.registration(), d.schedule()));
        }
        return v;
    }

    public static List<FieldViolation> violations(Schedule s, String prefix) {
        List<FieldViolation> v = new ArrayList<>();
        if (s == null) {
            v.add(new FieldViolation(prefix.isEmpty() ? "schedule" : prefix.substring(0, prefix.length() - 1), "is required"));
            return v;
        }
        if (s.startDate() == null) {
            v.add(new FieldViolation(prefix + "startDate", "is required"));
        }
        if (s.endDate() == null) {
            v.add(new FieldViolation(prefix + "endDate", "is required (the start date for a one-day event)"));
        }
        if ((s.startTime() == null) != (s.endTime() == null)) {
            v.add(new FieldViolation(prefix + (s.startTime() == null ? "startTime" : "endTime"),
                    "give both times, or neither for a whole-day event"));
        }
        if (!v.isEmpty()) {
            return v;
        }
        if (s.endDate().isBefore(s.startDate())) {
            v.add(new FieldViolation(prefix + "endDate", "must not be before the start date"));
        } else if (!s.endsAt().isAfter(s.startsAt())) {
            v.add(new FieldViolation(prefix + "endTime", "must be after the start"));
        } else if (s.startDate().plusDays(DAYS_MAX).isBefore(s.endDate())) {
            v.add(new FieldViolation(prefix + "endDate", "an event lasts at most " + DAYS_MAX + " days"));
        }
        return v;
    }

    static List<FieldViolation> violations(RegistrationSettings r, Schedule schedule) {
        List<FieldViolation> v = new ArrayList<>();
        if (r.capacity() != null && (r.capacity() < 1 || r.capacity() > RegistrationSettings.MAX_CAPACITY)) {
            v.add(new FieldViolation("registration.capacity", "must be between 1 and " + RegistrationSettings.MAX_CAPACITY
                    + ", or absent for no limit"));
        }
        if (r.seatLimit() < 1 || r.seatLimit() > RegistrationSettings.MAX_SEAT_LIMIT) {
            v.add(new FieldViolation("registration.seatLimit", "must be between 1 and " + RegistrationSettings.MAX_SEAT_LIMIT));
        } else if (r.capacity() != null && r.capacity() >= 1 && r.seatLimit() > r.capacity()) {
            v.add(new FieldViolation("registration.seatLimit", "must not exceed the capacity"));
        }
        if (r.opensAt() != null && r.closesAt() != null && !r.opensAt().isBefore(r.closesAt())) {
            v.add(new FieldViolation("registration.closesAt", "must be after opensAt"));
        }
        // late registration is allowed while a long event runs (a course over several days), never after its end
        if (schedule != null && schedule.startDate() != null && schedule.endDate() != null && r.closesAt() != null
                && r.closesAt().atZone(Schedule.JAPAN).toInstant().isAfter(safeEnd(schedule))) {
            v.add(new FieldViolation("registration.closesAt", "must not be after the end of the event"));
        }
        if (r.reminderDaysBefore() != null && (r.reminderDaysBefore() < 1 || r.reminderDaysBefore() > 30)) {
            v.add(new FieldViolation("registration.reminderDaysBefore", "must be between 1 and 30"));
        }
        if (r.reminderHoursBefore() != null && (r.reminderHoursBefore() < 1 || r.reminderHoursBefore() > 48)) {
            v.add(new FieldViolation("registration.reminderHoursBefore", "must be between 1 and 48"));
        }
        return v;
    }

    /** A public registrant's name and e-mail address. */
    static List<FieldViolation> registrantViolations(String name, String email) {
        List<FieldViolation> v = new ArrayList<>();
        text(v, "name", name, NAME_MAX, true);
        noMarkup(v, "name", name);
        if (email == null || email.isBlank()) {
            v.add(new FieldViolation("email", "is required"));
        } else if (email.length() > EmailAddresses.MAX || !EmailAddresses.isValid(email.strip())) {
            v.add(new FieldViolation("email", "must be an e-mail address with an ASCII local part and a domain such as "
                    + "example.jp"));
        }
        return v;
    }

    /** A reason (for a cancellation, a rescheduling, a removal …): required, at most {@value #REASON_MAX} characters. */
    public static String reason(String reason) {
        List<FieldViolation> v = new ArrayList<>();
        text(v, "reason", reason, REASON_MAX, true);
        if (!v.isEmpty()) {
            throw new InvalidEventInput(v);
        }
        return reason.strip();
    }

    /** A campaign event lies within its campaign's dates. */
    static void requireWithin(Schedule campaign, Schedule event) {
        if (event.startDate().isBefore(campaign.startDate()) || event.endDate().isAfter(campaign.endDate())) {
            throw new InvalidEventInput("schedule", "must lie within the campaign, " + campaign.startDate() + " to "
                    + campaign.endDate());
        }
    }

    static boolean organizes(EventDetails details, OrganizationId organization) {
        return details.organizerOrganizations().contains(organization);
    }

    private static java.time.Instant safeEnd(Schedule schedule) {
        LocalDate date = schedule.endDate();
        return schedule.endTime() == null ? date.plusDays(1).atStartOfDay(Schedule.JAPAN).toInstant()
                : date.atTime(schedule.endTime()).atZone(Schedule.JAPAN).toInstant();
    }

    private static boolean isHttps(String value) {
        if (value.length() > URL_MAX) {
            return false;
        }
        try {
            URI uri = URI.create(value);
            return "https".equals(uri.getScheme()) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void text(List<FieldViolation> v, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                v.add(new FieldViolation(field, "is required"));
            }
        } else if (value.codePointCount(0, value.length()) > max) {
            v.add(new FieldViolation(field, "must be at most " + max + " characters"));
        }
    }

    private static void noMarkup(List<FieldViolation> v, String field, String value) {
        if (value != null && MARKUP.matcher(value).find()) {
            v.add(new FieldViolation(field, "must not contain < or >"));
        }
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
