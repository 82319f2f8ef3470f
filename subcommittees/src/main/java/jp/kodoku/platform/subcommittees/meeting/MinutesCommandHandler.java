package jp.kodoku.platform.subcommittees.meeting;

import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.subcommittees.api.*;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * The minutes' commands and the rules of their data (limits in docs/api.md). The first save starts the minutes of a
 * meeting of this subcommittee that is not cancelled; everything after is the minutes' own decision.
 */
@Component
class MinutesCommandHandler {

    /** About 60 pages of A4: the longest minutes of the platform's meetings so far are a fifth of it. */
    static final int MAX_TEXT = 100_000;

    private final Repository<Minutes> repository;
    private final Repository<Meeting> meetings;

    MinutesCommandHandler(Repository<Minutes> repository, Repository<Meeting> meetings) {
        this.repository = repository;
        this.meetings = meetings;
    }

    @CommandHandler
    long handle(SaveMinutes command) throws Exception {
        if (command.text() == null || command.text().isBlank()) {
            throw new InvalidSubcommitteeInput("text", "is required");
        }
        if (command.text().length() > MAX_TEXT) {
            throw new InvalidSubcommitteeInput("text", "must be at most " + MAX_TEXT + " characters");
        }
        String text = command.text().strip();
        Aggregate<Meeting> meeting = MeetingCommandHandler.load(meetings, command.meetingId(), command.subcommitteeId(), null);
        try {
            return load(command.meetingId(), command.subcommitteeId(), command.expectedVersion()).invoke(m -> m.save(text));
        } catch (NotFound none) {
            if (meeting.invoke(Meeting::cancelled)) {
                throw new SubcommitteeRuleViolation("the meeting is cancelled: it has no minutes");
            }
            repository.newInstance(() -> new Minutes(command.meetingId(), command.subcommitteeId(), text));
            return 0L;
        }
    }

    @CommandHandler
    long handle(RestoreMinutesRevision command) {
        return load(command.meetingId(), command.subcommitteeId(), command.expectedVersion())
                .invoke(m -> m.restore(command.revision()));
    }

    @CommandHandler
    long handle(FinalizeMinutes command) {
        return load(command.meetingId(), command.subcommitteeId(), command.expectedVersion())
                .invoke(Minutes::finalizeMinutes);
    }

    @CommandHandler
    long handle(PublishMinutes command) {
        if (command.audience() == null) {
            throw new InvalidSubcommitteeInput("audience", "is required: MEMBERS or PUBLIC");
        }
        return load(command.meetingId(), command.subcommitteeId(), command.expectedVersion())
                .invoke(m -> m.publish(command.audience()));
    }

    /** Minutes, like their meeting, are reached only through their own subcommittee. */
    private Aggregate<Minutes> load(MeetingId meeting, SubcommitteeId subcommittee, Long expectedVersion) {
        Aggregate<Minutes> minutes;
        try {
            minutes = repository.load(MinutesIds.of(meeting), expectedVersion);
        } catch (AggregateNotFoundException none) {
            throw new NotFound("the meeting has no minutes yet");
        }
        if (!minutes.invoke(Minutes::subcommittee).equals(subcommittee)) {
            throw new NotFound("no such meeting in " + subcommittee);
        }
        return minutes;
    }
}
