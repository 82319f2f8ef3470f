package jp.kodoku.platform.subcommittees.meeting;

import jp.kodoku.platform.subcommittees.api.*;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.infra.files.StoredFile;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A meeting (会議) of a subcommittee: scheduled (from a confirmed date poll), rescheduled or cancelled with a reason, its
 * place (venue, online URL), whether it is public, its agenda (ordered items, each with a presenter organization and
 * files) and its attendance. Its minutes are a stream of their own ({@link Minutes}). The command handler checks the
 * data and hands "now" in Japan; the meeting decides what may change.
 */
@Aggregate
public class Meeting {

    @AggregateIdentifier
    private MeetingId id;
    private SubcommitteeId subcommittee;
    private LocalDate date;
    private LocalTime start;
    private LocalTime end;
    private String venue;
    private String onlineUrl;
    private boolean cancelled;
    private boolean publicMeeting;
    /** The agenda in its order: item → the hashes of its files. */
    private final Map<AgendaItemId, AgendaEntry> agenda = new LinkedHashMap<>();
    private List<Attendance> attendance = List.of();

    static final int MAX_AGENDA_ITEMS = 50;
    static final int MAX_FILES_PER_ITEM = 20;

    private record AgendaEntry(String title, OrganizationRef presenter, Set<String> files) {
    }

    protected Meeting() {
        // for Axon
    }

    Meeting(MeetingId id, SubcommitteeId subcommittee, String title, LocalDate date, LocalTime start, LocalTime end,
            PollId fromPoll) {
        apply(new MeetingScheduled(id, subcommittee, title, date, start, end, fromPoll));
    }

    SubcommitteeId subcommittee() {
        return subcommittee;
    }

    /** The same date and times again records nothing, so a retried request is harmless. */
    long reschedule(LocalDate newDate, LocalTime newStart, LocalTime newEnd, String reason, LocalDateTime now) {
        if (cancelled) {
            throw new SubcommitteeRuleViolation("a cancelled meeting cannot be rescheduled");
        }
        if (isOver(now)) {
            throw new SubcommitteeRuleViolation("the meeting has taken place already");
        }
        if (newDate.equals(date) && Objects.equals(newStart, start) && Objects.equals(newEnd, end)) {
            return getVersion();
        }
        apply(new MeetingRescheduled(id, subcommittee, newDate, newStart, newEnd, reason));
        return getVersion();
    }

    /** Cancelling a cancelled meeting records nothing (a retried request). */
    long cancel(String reason, LocalDateTime now) {
        if (cancelled) {
            return getVersion();
        }
        if (isOver(now)) {
            throw new SubcommitteeRuleViolation("the meeting has taken place already");
        }
        apply(new MeetingCancelled(id, subcommittee, reason));
        return getVersion();
    }

    long setPlace(String newVenue, String newOnlineUrl) {
        if (cancelled) {
            throw new SubcommitteeRuleViolation("the meeting is cancelled");
        }
        if (Objects.equals(newVenue, venue) && Objects.equals(newOnlineUrl, onlineUrl)) {
            return getVersion();
        }
        apply(new MeetingPlaceSet(id, subcommittee, newVenue, newOnlineUrl));
        return getVersion();
    }

    boolean cancelled() {
        return cancelled;
    }

    LocalDate date() {
        return date;
    }

    /** Marking it as it is already records nothing. A cancelled meeting may still be shown (calendars keep it). */
    long setVisibility(boolean makePublic) {
        if (makePublic != publicMeeting) {
            apply(new MeetingVisibilityChanged(id, subcommittee, makePublic));
        }
        return getVersion();
    }

    long addAgendaItem(AgendaItemId item, String title, OrganizationRef presenter) {
        requireNotCancelled();
        if (agenda.containsKey(item)) {
            return getVersion(); // the same request again (ids are made once per request)
        }
        if (agenda.size() >= MAX_AGENDA_ITEMS) {
            throw new SubcommitteeRuleViolation("an agenda has at most " + MAX_AGENDA_ITEMS + " items");
        }
        apply(new AgendaItemAdded(id, subcommittee, item, title, presenter));
        return getVersion();
    }

    long changeAgendaItem(AgendaItemId item, String title, OrganizationRef presenter) {
        requireNotCancelled();
        AgendaEntry entry = agendaItem(item);
        if (!entry.title().equals(title) || !Objects.equals(entry.presenter(), presenter)) {
            apply(new AgendaItemChanged(id, subcommittee, item, title, presenter));
        }
        return getVersion();
    }

    long removeAgendaItem(AgendaItemId item) {
        requireNotCancelled();
        agendaItem(item);
        apply(new AgendaItemRemoved(id, subcommittee, item));
        return getVersion();
    }

    long reorderAgenda(List<AgendaItemId> order) {
        requireNotCancelled();
        if (order.size() != agenda.size() || !new HashSet<>(order).equals(agenda.keySet())) {
            throw new InvalidSubcommitteeInput("itemIds", "must name every item of the agenda once");
        }
        if (!order.equals(new ArrayList<>(agenda.keySet()))) {
            apply(new AgendaReordered(id, subcommittee, List.copyOf(order)));
        }
        return getVersion();
    }

    long attachAgendaFile(AgendaItemId item, StoredFile file) {
        requireNotCancelled();
        AgendaEntry entry = agendaItem(item);
        if (entry.files().contains(file.sha256())) {
            return getVersion();
        }
        if (entry.files().size() >= MAX_FILES_PER_ITEM) {
            throw new SubcommitteeRuleViolation("an agenda item has at most " + MAX_FILES_PER_ITEM + " files");
        }
        apply(new AgendaFileAttached(id, subcommittee, item, file));
        return getVersion();
    }

    long removeAgendaFile(AgendaItemId item, String sha256) {
        if (!agendaItem(item).files().contains(sha256)) {
            throw new NotFound("no such file on this agenda item");
        }
        apply(new AgendaFileRemoved(id, subcommittee, item, sha256));
        return getVersion();
    }

    /** Attendance is a fact of a meeting that has begun; the same list again records nothing. */
    long recordAttendance(List<Attendance> attended, LocalDateTime now) {
        requireNotCancelled();
        LocalDateTime begins = start == null ? date.atStartOfDay() : date.atTime(start);
        if (now.isBefore(begins)) {
            throw new SubcommitteeRuleViolation("attendance is recorded once the meeting has begun");
        }
        if (!attended.equals(attendance)) {
            apply(new AttendanceRecorded(id, subcommittee, List.copyOf(attended)));
        }
        return getVersion();
    }

    private void requireNotCancelled() {
        if (cancelled) {
            throw new SubcommitteeRuleViolation("the meeting is cancelled");
        }
    }

    private AgendaEntry agendaItem(AgendaItemId item) {
        AgendaEntry entry = agenda.get(item);
        if (entry == null) {
            throw new NotFound("no such agenda item");
        }
        return entry;
    }

    /** A meeting that has ended (a whole-day one: once its day is over) is history, not a plan to change. */
    private boolean isOver(LocalDateTime now) {
        LocalDateTime over = end == null ? date.plusDays(1).atStartOfDay() : date.atTime(end);
        return !now.isBefore(over);
    }

    @EventSourcingHandler
    void on(MeetingScheduled event) {
        id = event.meetingId();
        subcommittee = event.subcommitteeId();
        date = event.date();
        start = event.start();
        end = event.end();
    }

    @EventSourcingHandler
    void on(MeetingRescheduled event) {
        date = event.date();
        start = event.start();
        end = event.end();
    }

    @EventSourcingHandler
    void on(MeetingCancelled event) {
        cancelled = true;
    }

    @EventSourcingHandler
    void on(MeetingPlaceSet event) {
        venue = event.venue();
        onlineUrl = event.onlineUrl();
    }

    @EventSourcingHandler
    void on(MeetingVisibilityChanged event) {
        publicMeeting = event.publicMeeting();
    }

    @EventSourcingHandler
    void on(AgendaItemAdded event) {
        agenda.put(event.itemId(), new AgendaEntry(event.title(), event.presenter(), new HashSet<>()));
    }

    @EventSourcingHandler
    void on(AgendaItemChanged event) {
        agenda.computeIfPresent(event.itemId(), (item, entry) -> new AgendaEntry(event.title(), event.presenter(), entry.files()));
    }

    @EventSourcingHandler
    void on(AgendaItemRemoved event) {
        agenda.remove(event.itemId());
    }

    @EventSourcingHandler
    void on(AgendaReordered event) {
        Map<AgendaItemId, AgendaEntry> reordered = new LinkedHashMap<>();
        event.order().forEach(item -> reordered.put(item, agenda.get(item)));
        agenda.clear();
        agenda.putAll(reordered);
    }

    @EventSourcingHandler
    void on(AgendaFileAttached event) {
        agenda.get(event.itemId()).files().add(event.file().sha256());
    }

    @EventSourcingHandler
    void on(AgendaFileRemoved event) {
        agenda.get(event.itemId()).files().remove(event.sha256());
    }

    @EventSourcingHandler
    void on(AttendanceRecorded event) {
        attendance = event.attendance();
    }
}
