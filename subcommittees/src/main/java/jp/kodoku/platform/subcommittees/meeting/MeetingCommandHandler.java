package jp.kodoku.platform.subcommittees.meeting;

import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.infra.files.Attachments;
import jp.kodoku.platform.infra.files.StoredFile;
import jp.kodoku.platform.subcommittees.api.*;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Meetings' commands and the rules of their data (limits in docs/api.md), and the time in Japan, which the meeting
 * compares with its own date; the aggregate never reads a clock (the tests fix it).
 */
@Component
class MeetingCommandHandler {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    static final int MAX_TITLE = 200;
    static final int MAX_REASON = 500;
    static final int MAX_VENUE = 300;
    static final int MAX_URL = 500;
    /** Like a poll's slots: a meeting is moved at most two years ahead. */
    static final int YEARS_AHEAD = 2;

    static final int MAX_PEOPLE = 999;

    private final Repository<Meeting> repository;
    private final Attachments attachments;
    private final Clock clock;

    @Autowired
    MeetingCommandHandler(Repository<Meeting> repository, Attachments attachments) {
        this(repository, attachments, Clock.system(JAPAN));
    }

    MeetingCommandHandler(Repository<Meeting> repository, Attachments attachments, Clock clock) {
        this.repository = repository;
        this.attachments = attachments;
        this.clock = clock.withZone(JAPAN);
    }

    @CommandHandler
    long handle(ScheduleMeeting command) throws Exception {
        List<FieldViolation> violations = new ArrayList<>();
        if (command.subcommitteeId() == null) {
            violations.add(new FieldViolation("subcommitteeId", "is required"));
        }
        if (command.title() == null || command.title().isBlank()) {
            violations.add(new FieldViolation("title", "is required"));
        } else if (command.title().length() > MAX_TITLE) {
            violations.add(new FieldViolation("title", "must be at most " + MAX_TITLE + " characters"));
        }
        if (command.date() == null) {
            violations.add(new FieldViolation("date", "is required"));
        }
        if ((command.start() == null) != (command.end() == null)) {
            violations.add(new FieldViolation(command.start() == null ? "start" : "end", "give both start and end, or neither"));
        } else if (command.start() != null && !command.end().isAfter(command.start())) {
            violations.add(new FieldViolation("end", "must be after start"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidSubcommitteeInput(violations);
        }
        if (exists(command)) {
            throw new SubcommitteeRuleViolation("the meeting is scheduled already");
        }
        repository.newInstance(() -> new Meeting(command.meetingId(), command.subcommitteeId(), command.title().strip(),
                command.date(), command.start(), command.end(), command.fromPoll()));
        return 0L;
    }

    @CommandHandler
    long handle(RescheduleMeeting command) {
        LocalDateTime now = LocalDateTime.now(clock);
        List<FieldViolation> violations = new ArrayList<>();
        if (command.date() == null) {
            violations.add(new FieldViolation("date", "is required"));
        } else if (command.date().isBefore(now.toLocalDate())) {
            violations.add(new FieldViolation("date", "must not be in the past"));
        } else if (command.date().isAfter(now.toLocalDate().plusYears(YEARS_AHEAD))) {
            violations.add(new FieldViolation("date", "must be within " + YEARS_AHEAD + " years"));
        }
        if ((command.start() == null) != (command.end() == null)) {
            violations.add(new FieldViolation(command.start() == null ? "start" : "end",
                    "give both start and end, or neither for a whole day"));
        } else if (command.start() != null && !command.end().isAfter(command.start())) {
            violations.add(new FieldViolation("end", "must be after start"));
        } else if (command.start() != null && command.date() != null && command.date().equals(now.toLocalDate())
                && command.start().isBefore(now.toLocalTime())) {
            violations.add(new FieldViolation("start", "must not be in the past"));
        }
        reason(violations, command.reason());
        throwIfAny(violations);
        return load(command.meetingId(), command.subcommitteeId(), command.expectedVersion())
                .invoke(m -> m.reschedule(command.date(), command.start(), command.end(), command.reason().strip(), now));
    }

    @CommandHandler
    long handle(CancelMeeting command) {
        List<FieldViolation> violations = new ArrayList<>();
        reason(violations, command.reason());
        throwIfAny(violations);
        LocalDateTime now = LocalDateTime.now(clock);
        return load(command.meetingId(), command.subcommitteeId(), command.expectedVersion())
                .invoke(m -> m.cancel(command.reason().strip(), now));
    }

    @CommandHandler
    long handle(SetMeetingPlace command) {
        String venue = blankToNull(command.venue());
        String onlineUrl = blankToNull(command.onlineUrl());
        List<FieldViolation> violations = new ArrayList<>();
        if (venue == null && onlineUrl == null) {
            violations.add(new FieldViolation("venue", "give a venue (address), an online URL, or both"));
        }
        if (venue != null && venue.length() > MAX_VENUE) {
            violations.add(new FieldViolation("venue", "must be at most " + MAX_VENUE + " characters"));
        }
        if (onlineUrl != null && !isHttpsUrl(onlineUrl)) {
            violations.add(new FieldViolation("onlineUrl", "must be an https:// URL of at most " + MAX_URL + " characters"));
        }
        throwIfAny(violations);
        return load(command.meetingId(), command.subcommitteeId(), command.expectedVersion())
                .invoke(m -> m.setPlace(venue, onlineUrl));
    }

    @CommandHandler
    long handle(SetMeetingVisibility command) {
        return load(command.meetingId(), command.subcommitteeId(), command.expectedVersion())
                .invoke(m -> m.setVisibility(command.publicMeeting()));
    }

    @CommandHandler
    long handle(AddAgendaItem command) {
        String title = agendaTitle(command.title());
        return load(command.meetingId(), command.subcommitteeId(), command.expectedVersion())
                .invoke(m -> m.addAgendaItem(command.itemId(), title, command.presenter()));
    }

    @CommandHandler
    long handle(ChangeAgendaItem command) {
        String title = agendaTitle(command.title());
        return load(command.meetingId(), command.subcommitteeId(), command.expectedVersion())
                .invoke(m -> m.changeAgendaItem(command.itemId(), title, command.presenter()));
    }

    @CommandHandler
    long handle(RemoveAgendaItem command) {
        return load(command.meetingId(), command.subcommitteeId(), command.expectedVersion())
                .invoke(m -> m.removeAgendaItem(command.itemId()));
    }

    @CommandHandler
    long handle(ReorderAgenda command) {
        if (command.order() == null || command.order().stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidSubcommitteeInput("itemIds", "is required: every item of the agenda once");
        }
        return load(command.meetingId(), command.subcommitteeId(), command.expectedVersion())
                .invoke(m -> m.reorderAgenda(command.order()));
    }

    /** The bytes are checked and stored in this command's transaction: refused by the meeting, they are not kept. */
    @CommandHandler
    long handle(AttachAgendaFile command) {
        Aggregate<Meeting> meeting = load(command.meetingId(), command.subcommitteeId(), command.expectedVersion());
        StoredFile file = attachments.store("file", command.file().fileName(), command.file().declaredType(),
                command.file().content());
        return meeting.invoke(m -> m.attachAgendaFile(command.itemId(), file));
    }

    @CommandHandler
    long handle(RemoveAgendaFile command) {
        return load(command.meetingId(), command.subcommitteeId(), command.expectedVersion())
                .invoke(m -> m.removeAgendaFile(command.itemId(), command.sha256()));
    }

    @CommandHandler
    long handle(RecordAttendance command) {
        List<FieldViolation> violations = new ArrayList<>();
        if (command.attendance() == null) {
            violations.add(new FieldViolation("attendance", "is required (an empty list: nobody attended)"));
        } else {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < command.attendance().size(); i++) {
                Attendance a = command.attendance().get(i);
                if (a == null || a.organization() == null) {
                    violations.add(new FieldViolation("attendance[" + i + "].organizationId", "is required"));
                } else if (!seen.add(a.organization().id())) {
                    violations.add(new FieldViolation("attendance[" + i + "].organizationId", "is given twice"));
                } else if (a.people() < 1 || a.people() > MAX_PEOPLE) {
                    violations.add(new FieldViolation("attendance[" + i + "].people", "must be 1 to " + MAX_PEOPLE));
                }
            }
        }
        throwIfAny(violations);
        LocalDateTime now = LocalDateTime.now(clock);
        return load(command.meetingId(), command.subcommitteeId(), command.expectedVersion())
                .invoke(m -> m.recordAttendance(command.attendance(), now));
    }

    private static String agendaTitle(String title) {
        if (title == null || title.isBlank()) {
            throw new InvalidSubcommitteeInput("title", "is required");
        }
        if (title.strip().length() > MAX_TITLE) {
            throw new InvalidSubcommitteeInput("title", "must be at most " + MAX_TITLE + " characters");
        }
        return title.strip();
    }

    /** A meeting is reached only through its own subcommittee: a chair's claim names the subcommittee, not the meeting. */
    private Aggregate<Meeting> load(MeetingId id, SubcommitteeId subcommittee, Long expectedVersion) {
        return load(repository, id, subcommittee, expectedVersion);
    }

    static Aggregate<Meeting> load(Repository<Meeting> repository, MeetingId id, SubcommitteeId subcommittee,
                                   Long expectedVersion) {
        Aggregate<Meeting> meeting;
        try {
            meeting = repository.load(id.value(), expectedVersion);
        } catch (AggregateNotFoundException none) {
            throw new NotFound("no such meeting in " + subcommittee);
        }
        if (!meeting.invoke(Meeting::subcommittee).equals(subcommittee)) {
            throw new NotFound("no such meeting in " + subcommittee);
        }
        return meeting;
    }

    private static void reason(List<FieldViolation> violations, String reason) {
        if (reason == null || reason.isBlank()) {
            violations.add(new FieldViolation("reason", "is required"));
        } else if (reason.length() > MAX_REASON) {
            violations.add(new FieldViolation("reason", "must be at most " + MAX_REASON + " characters"));
        }
    }

    /** Only https with a host: the link is mailed and shown as a link, so no javascript:, data: or plain http. */
    private static boolean isHttpsUrl(String url) {
        if (url.length() > MAX_URL || url.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getUserInfo() == null;
        } catch (java.net.URISyntaxException bad) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void throwIfAny(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidSubcommitteeInput(violations);
        }
    }

    private boolean exists(ScheduleMeeting command) {
        try {
            repository.load(command.meetingId().value());
            return true;
        } catch (AggregateNotFoundException none) {
            return false;
        }
    }
}
