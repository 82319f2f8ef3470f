package jp.kodoku.platform.subcommittees.meeting;

import jp.kodoku.platform.infra.calendar.CalendarEntry;
import jp.kodoku.platform.infra.calendar.IcsCalendar;
import jp.kodoku.platform.infra.mail.Mail;
import jp.kodoku.platform.infra.mail.MailAttachment;
import jp.kodoku.platform.infra.mail.PlatformMail;
import jp.kodoku.platform.membership.api.ContactView;
import jp.kodoku.platform.membership.api.FindOrganization;
import jp.kodoku.platform.subcommittees.MemberContacts;
import jp.kodoku.platform.subcommittees.api.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Scheduling, rescheduling, setting the place of and cancelling a meeting mails every contact of the subcommittee's member organizations, in
 * Japanese, one mail per contact (so no mail names another attendee) with an .ics: METHOD:REQUEST, or CANCEL for a
 * cancellation; a stable UID per meeting and the event's sequence number as SEQUENCE, so every change raises it. Side
 * effects, so a processing group of its own ({@value #GROUP}), apart from the read models; each mail's outbox key is
 * meeting × contact × sequence, so a redelivered event sends nothing twice.
 *
 * <p>The meeting as it stood after the event is folded from its own events (up to this one), not read from the
 * meetings projection, which another processor writes at its own pace. Recipients are the members and their contacts
 * when the mail is made (membership's {@link FindOrganization}, contacts unsealed there; erased contacts are skipped).
 */
@Component
@ProcessingGroup(MeetingMails.GROUP)
class MeetingMails {

    static final String GROUP = "subcommittee-meeting-mails";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日（E）", Locale.JAPANESE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    private final PlatformMail mail;
    private final MemberContacts contacts;
    private final EventStore events;
    private final QueryGateway queries;
    private final String baseUrl;

    MeetingMails(PlatformMail mail, MemberContacts contacts, EventStore events, QueryGateway queries,
                 @Value("${platform.subcommittees.base-url:http://localhost:8080}") String baseUrl) {
        this.mail = mail;
        this.contacts = contacts;
        this.events = events;
        this.queries = queries;
        this.baseUrl = baseUrl;
    }

    @EventHandler
    void on(MeetingScheduled e, @SequenceNumber long seq, @Timestamp Instant at) {
        send(e.meetingId(), seq, at, "meeting-scheduled", "会議のお知らせ", null);
    }

    @EventHandler
    void on(MeetingRescheduled e, @SequenceNumber long seq, @Timestamp Instant at) {
        send(e.meetingId(), seq, at, "meeting-rescheduled", "日程変更のお知らせ", e.reason());
    }

    /**
     * A place set or changed after scheduling is news to everyone invited: the same mail with the new venue and URL and
     * an updated .ics (SEQUENCE raised), so calendars show the new place. A cancelled meeting gets no place (the
     * meeting refuses it), so this never follows a cancellation.
     */
    @EventHandler
    void on(MeetingPlaceSet e, @SequenceNumber long seq, @Timestamp Instant at) {
        send(e.meetingId(), seq, at, "meeting-place-set", "場所のお知らせ", null);
    }

    @EventHandler
    void on(MeetingCancelled e, @SequenceNumber long seq, @Timestamp Instant at) {
        send(e.meetingId(), seq, at, "meeting-cancelled", "中止のお知らせ", e.reason());
    }

    private void send(MeetingId id, long seq, Instant at, String template, String what, String reason) {
        State m = stateAt(id, seq);
        Optional<SubcommitteeDetails> subcommittee = queries.query(new FindSubcommittee(m.subcommittee),
                ResponseTypes.optionalInstanceOf(SubcommitteeDetails.class)).join();
        if (subcommittee.isEmpty()) {
            return;
        }
        String name = subcommittee.get().summary().title();
        String number = "分科会" + subcommittee.get().summary().number();
        // the meeting's web page (gateway SubcommitteePages): members see it after signing in
        URI page = URI.create(baseUrl + "/subcommittees/" + m.subcommittee.value() + "/meetings/" + id.value());
        String location = m.venue != null ? m.venue : m.onlineUrl != null ? "オンライン" : null;
        String description = m.onlineUrl == null ? m.title : m.title + "\nオンライン: " + m.onlineUrl;
        CalendarEntry.Time time = m.start == null ? new CalendarEntry.WholeDays(m.date, m.date)
                : new CalendarEntry.Timed(m.date.atTime(m.start), m.date.atTime(m.end));
        CalendarEntry entry = new CalendarEntry("meeting-" + id.value() + "@kodoku-platform", (int) seq, m.cancelled,
                m.title, description, page, location, at, time);
        String ics = (m.cancelled ? IcsCalendar.cancel() : IcsCalendar.request()).add(entry).toIcs();
        MailAttachment invitation = MailAttachment.calendar(ics, m.cancelled ? "CANCEL" : "REQUEST");

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("subcommittee", number + " " + name);
        model.put("title", m.title);
        model.put("when", when(m));
        model.put("venue", m.venue == null ? "" : m.venue);
        model.put("onlineUrl", m.onlineUrl == null ? "" : m.onlineUrl);
        model.put("reason", reason == null ? "" : reason);
        model.put("page", page.toString());
        String subject = "【" + number + "】" + what + "：" + m.title;
        for (SubcommitteeDetails.Member member : subcommittee.get().members()) {
            for (ContactView contact : contacts.of(member.organization().id())) {
                Map<String, Object> personal = new LinkedHashMap<>(model);
                personal.put("name", contact.name() == null ? "ご担当者" : contact.name());
                mail.enqueue("subcommittees/" + template + "/" + id.value() + "/" + contact.contactId() + "/" + seq,
                        Mail.to(contact.email(), subject, "subcommittees/" + template, personal).withAttachment(invitation));
            }
        }
    }

    /** The meeting as its events up to {@code seq} made it. */
    private State stateAt(MeetingId id, long seq) {
        State m = new State();
        events.readEvents(id.value()).asStream().filter(event -> event.getSequenceNumber() <= seq)
              .map(DomainEventMessage::getPayload).forEach(m::apply);
        return m;
    }

    private static String when(State m) {
        String day = m.date.format(DAY);
        return m.start == null ? day + " 終日" : day + " " + m.start.format(TIME) + "〜" + m.end.format(TIME);
    }

    private static final class State {
        SubcommitteeId subcommittee;
        String title;
        LocalDate date;
        LocalTime start;
        LocalTime end;
        String venue;
        String onlineUrl;
        boolean cancelled;

        void apply(Object event) {
            if (event instanceof MeetingScheduled e) {
                subcommittee = e.subcommitteeId();
                title = e.title();
                date = e.date();
                start = e.start();
                end = e.end();
            } else if (event instanceof MeetingRescheduled e) {
                date = e.date();
                start = e.start();
                end = e.end();
            } else if (event instanceof MeetingPlaceSet e) {
                venue = e.venue();
                onlineUrl = e.onlineUrl();
            } else if (event instanceof MeetingCancelled) {
                cancelled = true;
            }
        }
    }
}
