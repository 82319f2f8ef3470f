package jp.kodoku.platform.newsletter.issue;

import jp.kodoku.platform.newsletter.api.*;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The issue's commands with what the aggregate cannot know itself: the rules of well-formed input, the time, and the
 * issue's number, all in the transaction that appends the events. The issue decides every change of its state.
 */
@Component
public class IssueCommandHandler {

    private final Repository<Issue> repository;
    private final IssueNumbers numbers;
    private final Clock clock;

    @Autowired
    IssueCommandHandler(Repository<Issue> repository, IssueNumbers numbers) {
        this(repository, numbers, Clock.systemUTC());
    }

    public IssueCommandHandler(Repository<Issue> repository, IssueNumbers numbers, Clock clock) {
        this.repository = repository;
        this.numbers = numbers;
        this.clock = clock;
    }

    @CommandHandler
    public long handle(DraftIssue command) throws Exception {
        String subject = IssueRules.subject(command.subject());
        requirePlannedSendAt(command.plannedSendAt());
        repository.newInstance(() -> new Issue(command.issueId(), subject, command.plannedSendAt()));
        return 0L;
    }

    /** The number is drawn in the transaction that appends the history, as for a start. */
    @CommandHandler
    public long handle(ImportSentIssue command) throws Exception {
        String subject = IssueRules.subject(command.subject());
        if (command.segment() == null) {
            throw new InvalidNewsletterInput("segment", "is required (audience ALL, MEMBERS or PUBLIC)");
        }
        if (command.sentAt() == null || !command.sentAt().isBefore(clock.instant())) {
            throw new InvalidNewsletterInput("sentAt", "is required and lies in the past");
        }
        List<ImportSentIssue.Item> items = new ArrayList<>();
        for (ImportSentIssue.Item item : command.items()) {
            if (item.itemId() == null) {
                throw new InvalidNewsletterInput("itemId", "is required");
            }
            items.add(new ImportSentIssue.Item(item.itemId(), item.sectionKey(), IssueRules.content(item.content())));
        }
        int number = numbers.assign(command.issueId());
        // state applied in a constructor is seen only once it returns, so the draft comes first, then the rest
        return repository.newInstance(() -> new Issue(command.issueId(), subject, command.sentAt()))
                         .invoke(i -> i.recordSentBefore(command.segment(), items, number, command.sentAt()));
    }

    @CommandHandler
    public long handle(ReviseIssue command) {
        String subject = IssueRules.subject(command.subject());
        requirePlannedSendAt(command.plannedSendAt());
        return load(command.issueId(), command.expectedVersion()).invoke(i -> i.revise(subject, command.plannedSendAt()));
    }

    @CommandHandler
    public long handle(AddSection command) {
        String title = IssueRules.sectionTitle(command.title());
        return load(command.issueId(), command.expectedVersion()).invoke(i -> i.addSection(title));
    }

    @CommandHandler
    public long handle(RemoveSection command) {
        return load(command.issueId(), command.expectedVersion()).invoke(i -> i.removeSection(command.sectionKey()));
    }

    @CommandHandler
    public long handle(AddItem command) {
        if (command.itemId() == null) {
            throw new InvalidNewsletterInput("itemId", "is required");
        }
        ItemContent content = IssueRules.content(command.content());
        return load(command.issueId(), command.expectedVersion())
                .invoke(i -> i.addItem(command.itemId(), command.sectionKey(), content));
    }

    @CommandHandler
    public long handle(ReviseItem command) {
        ItemContent content = IssueRules.content(command.content());
        return load(command.issueId(), command.expectedVersion()).invoke(i -> i.reviseItem(command.itemId(), content));
    }

    @CommandHandler
    public long handle(RemoveItem command) {
        return load(command.issueId(), command.expectedVersion()).invoke(i -> i.removeItem(command.itemId()));
    }

    @CommandHandler
    public long handle(MoveItem command) {
        return load(command.issueId(), command.expectedVersion())
                .invoke(i -> i.moveItem(command.itemId(), command.sectionKey(), command.position()));
    }

    @CommandHandler
    public long handle(ScheduleIssue command) {
        return load(command.issueId(), command.expectedVersion()).invoke(i -> i.schedule(clock.instant(), command.segment()));
    }

    @CommandHandler
    public long handle(ReturnIssueToDraft command) {
        return load(command.issueId(), command.expectedVersion()).invoke(Issue::returnToDraft);
    }

    @CommandHandler
    public long handle(CancelIssue command) {
        String reason = IssueRules.reason(command.reason());
        return load(command.issueId(), command.expectedVersion()).invoke(i -> i.cancel(reason));
    }

    /** The number is drawn only for an issue that starts now, so a repeated start neither draws nor changes one. */
    @CommandHandler
    public long handle(StartSendingIssue command) {
        Aggregate<Issue> issue = repository.load(command.issueId().value(), command.expectedVersion());
        Instant now = clock.instant();
        if (!issue.invoke(i -> i.startsSending(command.now(), now))) {
            return issue.version();
        }
        int number = numbers.assign(command.issueId());
        return issue.invoke(i -> i.startSending(number, command.now(), now));
    }

    @CommandHandler
    public long handle(MarkIssueSent command) {
        return repository.load(command.issueId().value())
                         .invoke(i -> i.markSent(command.delivered(), command.failed(), clock.instant()));
    }

    private Aggregate<Issue> load(IssueId id, Long expectedVersion) {
        return repository.load(id.value(), expectedVersion);
    }

    private static void requirePlannedSendAt(Instant plannedSendAt) {
        if (plannedSendAt == null) {
            throw new InvalidNewsletterInput("plannedSendAt", "is required");
        }
    }
}
