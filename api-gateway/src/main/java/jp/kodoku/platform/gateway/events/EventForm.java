package jp.kodoku.platform.gateway.events;

import jp.kodoku.platform.events.api.*;
import jp.kodoku.platform.infra.errors.FieldViolation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The secretariat's event editor as sent: every field is text, so that what cannot be read (a date such as
 * "5月1日") is reported at its field like the rules' own violations, and the page shows the input back unchanged.
 * Field names are the last part of the names the rules report ("registration.capacity" is shown at "capacity";
 * the venue's parts are flattened to venueName, venueAddress, venuePrefectureCode).
 */
record EventForm(Long version, String kind, String title, String description, String courseLevel, String campaignId,
                 List<String> secretariatOrganizes, List<String> organizerOrganizations,
                 String startDate, String startTime, String endDate, String endTime,
                 String venueName, String venueAddress, String venuePrefectureCode, String onlineUrl,
                 String visibility, List<String> takesRegistrations, String capacity, String opensAt, String closesAt,
                 String seatLimit, String reminderDaysBefore, String reminderHoursBefore) {

    static final String YES = "yes";
    static final String DATE = "2026-05-01 のように入力してください";
    static final String START_TIME = "13:30 のように入力してください（終日なら空欄）";
    static final String END_TIME = "16:30 のように入力してください（終日なら空欄）";

    static EventForm empty() {
        return new EventForm(null, "WORKSHOP", "", "", "", "", List.of(YES), List.of(), "", "", "", "", "", "", "",
                "", "PUBLIC", List.of(YES), "", "", "", "1", "", "");
    }

    static EventForm of(EventSummary e) {
        RegistrationSettings r = e.registration();
        Venue v = e.venue();
        Schedule s = e.schedule();
        return new EventForm(e.version(), e.kind().name(), e.title(), text(e.description()),
                e.courseLevel() == null ? "" : e.courseLevel().name(), e.campaignId() == null ? "" : e.campaignId().value(),
                e.secretariatOrganizes() ? List.of(YES) : List.of(),
                e.organizerOrganizations().stream().map(o -> o.value()).toList(),
                s.startDate().toString(), text(s.startTime()), s.endDate().toString(), text(s.endTime()),
                v == null ? "" : v.name(), v == null ? "" : v.address(), v == null ? "" : text(v.prefectureCode()),
                text(e.onlineUrl()), e.visibility().name(), r == null ? List.of() : List.of(YES),
                r == null ? "" : text(r.capacity()), r == null ? "" : text(r.opensAt()), r == null ? "" : text(r.closesAt()),
                r == null ? "1" : Integer.toString(r.seatLimit()), r == null ? "" : text(r.reminderDaysBefore()),
                r == null ? "" : text(r.reminderHoursBefore()));
    }

    /** The details the commands take, or the fields that could not be read. */
    EventDetails details() {
        List<FieldViolation> violations = new ArrayList<>();
        EventKind k = parse("kind", kind, EventKind::valueOf, violations, "種類を選んでください");
        CourseLevel level = parse("courseLevel", courseLevel, CourseLevel::valueOf, violations, "水準を選んでください");
        Visibility vis = parse("visibility", visibility, Visibility::valueOf, violations, "公開範囲を選んでください");
        LocalDate start = parse("startDate", startDate, LocalDate::parse, violations, DATE);
        LocalDate end = parse("endDate", endDate, LocalDate::parse, violations, DATE);
        LocalTime from = parse("startTime", startTime, LocalTime::parse, violations, START_TIME);
        LocalTime to = parse("endTime", endTime, LocalTime::parse, violations, END_TIME);
        if (start == null && !violations.stream().anyMatch(v -> v.field().equals("startDate"))) {
            violations.add(new FieldViolation("startDate", "開始日を入力してください"));
        }
        RegistrationSettings registration = null;
        if (takesRegistrations != null && takesRegistrations.contains(YES)) {
            Integer cap = parse("capacity", capacity, Integer::valueOf, violations, "数字で入力してください（定員なしなら空欄）");
            LocalDateTime opens = parse("opensAt", opensAt, LocalDateTime::parse, violations, "2026-04-01T09:00 のように入力してください");
            LocalDateTime closes = parse("closesAt", closesAt, LocalDateTime::parse, violations, "2026-04-30T17:00 のように入力してください");
            Integer limit = parse("seatLimit", seatLimit, Integer::valueOf, violations, "数字で入力してください");
            Integer days = parse("reminderDaysBefore", reminderDaysBefore, Integer::valueOf, violations, "数字で入力してください");
            Integer hours = parse("reminderHoursBefore", reminderHoursBefore, Integer::valueOf, violations, "数字で入力してください");
            if (limit == null && !violations.stream().anyMatch(v -> v.field().equals("seatLimit"))) {
                violations.add(new FieldViolation("seatLimit", "1回の申込みで取れる席数の上限を入力してください"));
            }
            registration = new RegistrationSettings(cap, opens, closes, limit == null ? 0 : limit, days, hours);
        }
        if (!violations.isEmpty()) {
            throw new InvalidEventInput(violations);
        }
        boolean anyVenue = !blank(venueName) || !blank(venueAddress) || !blank(venuePrefectureCode);
        return new EventDetails(k, title, blank(description) ? null : description, level,
                blank(campaignId) ? null : new EventId(campaignId.trim()),
                secretariatOrganizes != null && secretariatOrganizes.contains(YES),
                organizerOrganizations == null ? List.of() : organizerOrganizations.stream()
                        .filter(o -> !blank(o)).map(o -> new jp.kodoku.platform.membership.api.OrganizationId(o)).toList(),
                new Schedule(start, from, end == null ? start : end, to),
                anyVenue ? new Venue(venueName, venueAddress, blank(venuePrefectureCode) ? null : venuePrefectureCode) : null,
                blank(onlineUrl) ? null : onlineUrl.trim(), vis, registration);
    }

    /** The value of a field, null when blank; what cannot be read is added as the field's violation. */
    static <T> T parse(String field, String text, Function<String, T> parser, List<FieldViolation> violations,
                               String message) {
        if (blank(text)) {
            return null;
        }
        try {
            return parser.apply(text.trim());
        } catch (DateTimeParseException | IllegalArgumentException e) {
            violations.add(new FieldViolation(field, message));
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
