package jp.kodoku.platform.subcommittees.poll;

import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.subcommittees.api.*;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Date polls' commands: the data rules ({@link PollRules}) and the time in Japan, which the aggregate compares with its
 * deadline. Whether the answering organization is a member of the subcommittee is checked by the caller (the gateway
 * reads the subcommittee's members for its access check anyway).
 */
@Component
class DatePollCommandHandler {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final Repository<DatePoll> repository;
    private final Clock clock;

    @Autowired
    DatePollCommandHandler(Repository<DatePoll> repository) {
        this(repository, Clock.system(JAPAN));
    }

    DatePollCommandHandler(Repository<DatePoll> repository, Clock clock) {
        this.repository = repository;
        this.clock = clock.withZone(JAPAN);
    }

    @CommandHandler
    long handle(OpenDatePoll command) throws Exception {
        PollRules.checkOpening(command.title(), command.deadline(), command.slots(), LocalDateTime.now(clock));
        repository.newInstance(() -> new DatePoll(command.pollId(), command.subcommitteeId(), command.title().strip(),
                command.deadline().atZone(JAPAN).toInstant(), command.slots()));
        return 0L;
    }

    @CommandHandler
    long handle(AddPollSlot command) {
        PollRules.checkSlot(command.slot(), LocalDateTime.now(clock).toLocalDate());
        return load(command.pollId(), command.subcommitteeId(), command.expectedVersion()).invoke(p -> p.addSlot(command.slot()));
    }

    @CommandHandler
    long handle(ChangePollSlot command) {
        PollRules.checkSlot(command.slot(), LocalDateTime.now(clock).toLocalDate());
        return load(command.pollId(), command.subcommitteeId(), command.expectedVersion()).invoke(p -> p.changeSlot(command.slot()));
    }

    @CommandHandler
    long handle(RemovePollSlot command) {
        return load(command.pollId(), command.subcommitteeId(), command.expectedVersion()).invoke(p -> p.removeSlot(command.slotId()));
    }

    @CommandHandler
    long handle(AnswerDatePoll command) {
        PollRules.checkAnswers(command.answers());
        return load(command.pollId(), command.subcommitteeId(), null)
                .invoke(p -> p.answer(command.organizationId(), command.answers(), clock.instant()));
    }

    @CommandHandler
    long handle(ConfirmPollSlot command) {
        return load(command.pollId(), command.subcommitteeId(), command.expectedVersion()).invoke(p -> p.confirm(command.slotId()));
    }

    /** A poll is reached only through its own subcommittee: a chair's claim names the subcommittee, not the poll. */
    private Aggregate<DatePoll> load(PollId id, SubcommitteeId subcommittee, Long expectedVersion) {
        Aggregate<DatePoll> poll = repository.load(id.value(), expectedVersion);
        if (!poll.invoke(DatePoll::subcommittee).equals(subcommittee)) {
            throw new NotFound("no such date poll in " + subcommittee);
        }
        return poll;
    }
}
