package jp.kodoku.platform.infra.calendar;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * An iCalendar file (RFC 5545, DESIGN.md §12) for a feed ({@link #publish}) or a mail ({@link #request},
 * {@link #cancel}): a {@code VTIMEZONE} for Asia/Tokyo (ical4j does not add it itself, and clients need it to read
 * {@code TZID=Asia/Tokyo}), then one {@code VEVENT} per {@link CalendarEntry}. It names no attendee: a feed or an
 * invitation goes to many people, and none of them is to learn the others' addresses.
 *
 * <pre>{@code
 * String ics = IcsCalendar.request()
 *         .add(new CalendarEntry("meeting-" + id + "@kodoku-platform", version, false, "分科会3 第4回会合", agendaText,
 *                                URI.create(pageUrl), "オンライン", changedAt,
 *                                new CalendarEntry.Timed(LocalDateTime.of(2026, 12, 3, 14, 0), LocalDateTime.of(2026, 12, 3, 16, 0))))
 *         .toIcs();
 * mail.enqueue(key, Mail.to(address, subject, "subcommittees/meeting-scheduled", model)
 *                      .withAttachment(MailAttachment.calendar(ics, "REQUEST")));
 * }</pre>
 */
public final class IcsCalendar {

    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final String PRODUCT = "-//kodoku-platform//孤独・孤立対策官民連携プラットフォーム//JA";
    private static final TimeZone TOKYO_ZONE = tokyo();

    private final Method method;
    private final String name;
    private final List<CalendarEntry> entries = new ArrayList<>();

    private IcsCalendar(Method method, String name) {
        this.method = method;
        this.name = name;
    }

    /** A feed (subscribed calendar); {@code name} is shown by clients as the calendar's name (X-WR-CALNAME). */
    public static IcsCalendar publish(String name) {
        return new IcsCalendar(ImmutableMethod.PUBLISH, name);
    }

    /** An invitation or its update, sent by mail. */
    public static IcsCalendar request() {
        return new IcsCalendar(ImmutableMethod.REQUEST, null);
    }

    /** A cancellation, sent by mail: add the cancelled entries (with their sequence raised). */
    public static IcsCalendar cancel() {
        return new IcsCalendar(ImmutableMethod.CANCEL, null);
    }

    public IcsCalendar add(CalendarEntry entry) {
        entries.add(entry);
        return this;
    }

    public IcsCalendar addAll(List<CalendarEntry> more) {
        entries.addAll(more);
        return this;
    }

    /** The file's text, lines ending CRLF and folded at 75 octets as RFC 5545 requires. */
    public String toIcs() {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(method);
        if (name != null) {
            calendar.add(new XProperty("X-WR-CALNAME", name));
            calendar.add(new XProperty("X-WR-TIMEZONE", TOKYO.getId()));
        }
        calendar.add(TOKYO_ZONE.getVTimeZone());
        for (CalendarEntry entry : entries) {
            calendar.add(event(entry));
        }
        StringWriter out = new StringWriter();
        try {
            // not validated: ical4j's validator wants an ORGANIZER and ATTENDEEs for REQUEST and CANCEL (RFC 5546),
            // which would publish addresses; clients accept invitations without them
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return foldByOctets(out.toString());
    }

    /**
     * RFC 5545 §3.1: content lines are folded so that none is longer than 75 octets, never inside a character.
     * ical4j folds after 73 characters, and a line of Japanese text (3 octets a character in UTF-8) then runs to over
     * 200 octets: strict clients cut it. So ical4j's folds are undone and the lines folded again by octets.
     */
    static String foldByOctets(String ics) {
        String unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "");
        StringBuilder folded = new StringBuilder(unfolded.length() + unfolded.length() / 20);
        for (String line : unfolded.split("\r\n")) {
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
                if (octets + size > 75) {
                    folded.append("\r\n ");
                    octets = 1;
                }
                folded.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
            folded.append("\r\n");
        }
        return folded.toString();
    }

    private static VEvent event(CalendarEntry entry) {
        VEvent event = new VEvent(false);
        event.add(new Uid(entry.uid()));
        event.add(new DtStamp(entry.changedAt()));
        event.add(new LastModified(entry.changedAt()));
        event.add(new Sequence(entry.sequence()));
        event.add(entry.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        event.add(new Summary(entry.title()));
        if (entry.time() instanceof CalendarEntry.Timed timed) {
            event.add(new DtStart<>(ZonedDateTime.of(timed.start(), TOKYO)));
            event.add(new DtEnd<>(ZonedDateTime.of(timed.end(), TOKYO)));
        } else if (entry.time() instanceof CalendarEntry.WholeDays days) {
            event.add(new DtStart<>(days.first()));
            event.add(new DtEnd<>(days.last().plusDays(1)));
        }
        String description = entry.description() == null ? "" : entry.description().strip();
        if (entry.page() != null) {
            event.add(new Url(entry.page()));
            description = description.isEmpty() ? entry.page().toString() : description + "\n\n" + entry.page();
        }
        if (!description.isEmpty()) {
            event.add(new Description(description));
        }
        if (entry.location() != null && !entry.location().isBlank()) {
            event.add(new Location(entry.location()));
        }
        return event;
    }

    private static TimeZone tokyo() {
        TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
        return registry.getTimeZone(TOKYO.getId());
    }
}
