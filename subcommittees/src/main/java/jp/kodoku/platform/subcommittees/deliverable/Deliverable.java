package jp.kodoku.platform.subcommittees.deliverable;

import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.infra.files.StoredFile;
import jp.kodoku.platform.subcommittees.api.*;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A deliverable (検討成果, 中間整理, 報告書) of a subcommittee: title, kind, date, summary, files, who may read it, and
 * the meetings that produced it (checked by the command handler: of this subcommittee, held before its date).
 */
@Aggregate
public class Deliverable {

    static final int MAX_FILES = 20;

    @AggregateIdentifier
    private DeliverableId id;
    private SubcommitteeId subcommittee;
    private String title;
    private DeliverableKind kind;
    private LocalDate date;
    private String summary;
    private List<MeetingId> meetings;
    private Visibility visibility;
    private final Set<String> files = new LinkedHashSet<>();

    protected Deliverable() {
        // for Axon
    }

    Deliverable(DeliverableRecorded recorded) {
        apply(recorded);
    }

    SubcommitteeId subcommittee() {
        return subcommittee;
    }

    /** The same content again records nothing (a retried request). */
    long revise(String newTitle, DeliverableKind newKind, LocalDate newDate, String newSummary, List<MeetingId> newMeetings) {
        if (newTitle.equals(title) && newKind == kind && newDate.equals(date) && Objects.equals(newSummary, summary)
                && newMeetings.equals(meetings)) {
            return getVersion();
        }
        apply(new DeliverableRevised(id, subcommittee, newTitle, newKind, newDate, newSummary, newMeetings));
        return getVersion();
    }

    long setVisibility(Visibility newVisibility) {
        if (newVisibility != visibility) {
            apply(new DeliverableVisibilityChanged(id, subcommittee, newVisibility));
        }
        return getVersion();
    }

    long attach(StoredFile file) {
        if (files.contains(file.sha256())) {
            return getVersion();
        }
        if (files.size() >= MAX_FILES) {
            throw new SubcommitteeRuleViolation("a deliverable has at most " + MAX_FILES + " files");
        }
        apply(new DeliverableFileAttached(id, subcommittee, file));
        return getVersion();
    }

    long removeFile(String sha256) {
        if (!files.contains(sha256)) {
            throw new NotFound("no such file on this deliverable");
        }
        apply(new DeliverableFileRemoved(id, subcommittee, sha256));
        return getVersion();
    }

    @EventSourcingHandler
    void on(DeliverableRecorded event) {
        id = event.deliverableId();
        subcommittee = event.subcommitteeId();
        title = event.title();
        kind = event.kind();
        date = event.date();
        summary = event.summary();
        meetings = event.meetings();
        visibility = event.visibility();
    }

    @EventSourcingHandler
    void on(DeliverableRevised event) {
        title = event.title();
        kind = event.kind();
        date = event.date();
        summary = event.summary();
        meetings = event.meetings();
    }

    @EventSourcingHandler
    void on(DeliverableVisibilityChanged event) {
        visibility = event.visibility();
    }

    @EventSourcingHandler
    void on(DeliverableFileAttached event) {
        files.add(event.file().sha256());
    }

    @EventSourcingHandler
    void on(DeliverableFileRemoved event) {
        files.remove(event.sha256());
    }
}
