package jp.kodoku.platform.subcommittees.deliverable;

import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.infra.files.Attachments;
import jp.kodoku.platform.infra.files.StoredFile;
import jp.kodoku.platform.subcommittees.api.*;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Deliverables' commands and the rules of their data (limits in docs/api.md). The meetings a deliverable names must be
 * this subcommittee's, not cancelled, and held no later than the deliverable's date: a result does not come before the
 * meetings that produced it.
 */
@Component
class DeliverableCommandHandler {

    static final int MAX_TITLE = 200;
    static final int MAX_SUMMARY = 4_000;
    static final int MAX_MEETINGS = 50;

    private final Repository<Deliverable> repository;
    private final MeetingsOfSubcommittee meetings;
    private final Attachments attachments;

    DeliverableCommandHandler(Repository<Deliverable> repository, MeetingsOfSubcommittee meetings, Attachments attachments) {
        this.repository = repository;
        this.meetings = meetings;
        this.attachments = attachments;
    }

    @CommandHandler
    long handle(RecordDeliverable command) throws Exception {
        List<FieldViolation> violations = new ArrayList<>();
        if (command.visibility() == null) {
            violations.add(new FieldViolation("visibility", "is required: MEMBERS or PUBLIC"));
        }
        Content content = content(command.subcommitteeId(), command.title(), command.kind(), command.date(),
                command.summary(), command.meetings(), violations);
        try {
            repository.load(command.deliverableId().value());
            return 0L; // recorded already: the same request again (the id is made once per request)
        } catch (AggregateNotFoundException none) {
            repository.newInstance(() -> new Deliverable(new DeliverableRecorded(command.deliverableId(),
                    command.subcommitteeId(), content.title, command.kind(), command.date(), content.summary,
                    command.visibility(), command.meetings())));
            return 0L;
        }
    }

    @CommandHandler
    long handle(ReviseDeliverable command) {
        Content content = content(command.subcommitteeId(), command.title(), command.kind(), command.date(),
                command.summary(), command.meetings(), new ArrayList<>());
        return load(command.deliverableId(), command.subcommitteeId(), command.expectedVersion())
                .invoke(d -> d.revise(content.title, command.kind(), command.date(), content.summary, command.meetings()));
    }

    @CommandHandler
    long handle(SetDeliverableVisibility command) {
        if (command.visibility() == null) {
            throw new InvalidSubcommitteeInput("visibility", "is required: MEMBERS or PUBLIC");
        }
        return load(command.deliverableId(), command.subcommitteeId(), command.expectedVersion())
                .invoke(d -> d.setVisibility(command.visibility()));
    }

    /** The bytes are checked and stored in this command's transaction: refused, they are not kept. */
    @CommandHandler
    long handle(AttachDeliverableFile command) {
        Aggregate<Deliverable> deliverable = load(command.deliverableId(), command.subcommitteeId(), command.expectedVersion());
        StoredFile file = attachments.store("file", command.file().fileName(), command.file().declaredType(),
                command.file().content());
        return deliverable.invoke(d -> d.attach(file));
    }

    @CommandHandler
    long handle(RemoveDeliverableFile command) {
        return load(command.deliverableId(), command.subcommitteeId(), command.expectedVersion())
                .invoke(d -> d.removeFile(command.sha256()));
    }

    private record Content(String title, String summary) {
    }

    private Content content(SubcommitteeId subcommittee, String title, DeliverableKind kind, LocalDate date,
                            String summary, List<MeetingId> meetingIds, List<FieldViolation> violations) {
        if (title == null || title.isBlank()) {
            violations.add(new FieldViolation("title", "is required"));
        } else if (title.strip().length() > MAX_TITLE) {
            violations.add(new FieldViolation("title", "must be at most " + MAX_TITLE + " characters"));
        }
        if (kind == null) {
            violations.add(new FieldViolation("kind", "is required: STUDY_RESULT, INTERIM_SUMMARY or REPORT"));
        }
        if (date == null) {
            violations.add(new FieldViolation("date", "is required"));
        }
        if (summary != null && summary.strip().length() > MAX_SUMMARY) {
            violations.add(new FieldViolation("summary", "must be at most " + MAX_SUMMARY + " characters"));
        }
        if (meetingIds == null || meetingIds.stream().anyMatch(java.util.Objects::isNull)) {
            violations.add(new FieldViolation("meetingIds", "is required (an empty list: no meeting)"));
        } else if (meetingIds.size() > MAX_MEETINGS) {
            violations.add(new FieldViolation("meetingIds", "names at most " + MAX_MEETINGS + " meetings"));
        } else if (new HashSet<>(meetingIds).size() != meetingIds.size()) {
            violations.add(new FieldViolation("meetingIds", "names a meeting twice"));
        } else {
            for (MeetingId id : meetingIds) {
                Optional<MeetingsOfSubcommittee.Held> meeting = meetings.find(id);
                if (meeting.isEmpty() || !meeting.get().subcommittee().equals(subcommittee)) {
                    violations.add(new FieldViolation("meetingIds", id.value() + " is no meeting of this subcommittee"));
                } else if (meeting.get().cancelled()) {
                    violations.add(new FieldViolation("meetingIds", id.value() + " was cancelled"));
                } else if (date != null && meeting.get().date().isAfter(date)) {
                    violations.add(new FieldViolation("date", "is before the meeting of " + meeting.get().date()
                            + " that produced it"));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidSubcommitteeInput(violations);
        }
        return new Content(title.strip(), summary == null || summary.isBlank() ? null : summary.strip());
    }

    /** A deliverable is reached only through its own subcommittee. */
    private Aggregate<Deliverable> load(DeliverableId id, SubcommitteeId subcommittee, Long expectedVersion) {
        Aggregate<Deliverable> deliverable;
        try {
            deliverable = repository.load(id.value(), expectedVersion);
        } catch (AggregateNotFoundException none) {
            throw new NotFound("no such deliverable in " + subcommittee);
        }
        if (!deliverable.invoke(Deliverable::subcommittee).equals(subcommittee)) {
            throw new NotFound("no such deliverable in " + subcommittee);
        }
        return deliverable;
    }
}
