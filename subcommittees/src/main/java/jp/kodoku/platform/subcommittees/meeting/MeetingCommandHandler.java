package jp.kodoku.platform.subcommittees.meeting;

import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.subcommittees.api.InvalidSubcommitteeInput;
import jp.kodoku.platform.subcommittees.api.ScheduleMeeting;
import jp.kodoku.platform.subcommittees.api.SubcommitteeRuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Meetings' commands and the rules of their data. */
@Component
class MeetingCommandHandler {

    static final int MAX_TITLE = 200;

    private final Repository<Meeting> repository;

    MeetingCommandHandler(Repository<Meeting> repository) {
        this.repository = repository;
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

    private boolean exists(ScheduleMeeting command) {
        try {
            repository.load(command.meetingId().value());
            return true;
        } catch (AggregateNotFoundException none) {
            return false;
        }
    }
}
