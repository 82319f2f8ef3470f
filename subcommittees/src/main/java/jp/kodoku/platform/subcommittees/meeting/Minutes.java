package jp.kodoku.platform.subcommittees.meeting;

import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.subcommittees.api.*;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * The minutes (議事録) of one meeting, as revisions: every save is a revision (who and when are the event's metadata
 * and timestamp), any revision can be made the newest again, and once finalized nothing changes; finalized minutes are
 * then published to the subcommittee's members or to anyone. A stream of its own ({@link MinutesIds}), so that a
 * meeting's stream stays short however often its minutes are saved.
 */
@Aggregate
public class Minutes {

    @AggregateIdentifier
    private String id;
    private MeetingId meeting;
    private SubcommitteeId subcommittee;
    /** The texts of revisions 1, 2, …: restoring needs the old text. */
    private final List<String> revisions = new ArrayList<>();
    private boolean finalized;
    private Visibility audience;

    protected Minutes() {
        // for Axon
    }

    /** The first revision. */
    Minutes(MeetingId meeting, SubcommitteeId subcommittee, String text) {
        apply(new MinutesRevisionSaved(meeting, subcommittee, 1, text, null));
    }

    SubcommitteeId subcommittee() {
        return subcommittee;
    }

    /** The same text as the newest revision records nothing (a retried save). */
    long save(String text) {
        requireDraft();
        if (!text.equals(newest())) {
            apply(new MinutesRevisionSaved(meeting, subcommittee, revisions.size() + 1, text, null));
        }
        return getVersion();
    }

    long restore(int revision) {
        requireDraft();
        if (revision < 1 || revision > revisions.size()) {
            throw new NotFound("the minutes have no revision " + revision);
        }
        String text = revisions.get(revision - 1);
        if (!text.equals(newest())) {
            apply(new MinutesRevisionSaved(meeting, subcommittee, revisions.size() + 1, text, revision));
        }
        return getVersion();
    }

    /** Finalizing finalized minutes records nothing. */
    long finalizeMinutes() {
        if (!finalized) {
            apply(new MinutesFinalized(meeting, subcommittee, revisions.size()));
        }
        return getVersion();
    }

    /** Drafts are never published: what members read is what the chair locked. */
    long publish(Visibility to) {
        if (!finalized) {
            throw new SubcommitteeRuleViolation("only finalized minutes are published: finalize them first");
        }
        if (to != audience) {
            apply(new MinutesPublished(meeting, subcommittee, to));
        }
        return getVersion();
    }

    private void requireDraft() {
        if (finalized) {
            throw new SubcommitteeRuleViolation("the minutes are finalized and cannot change");
        }
    }

    private String newest() {
        return revisions.get(revisions.size() - 1);
    }

    @EventSourcingHandler
    void on(MinutesRevisionSaved event) {
        id = MinutesIds.of(event.meetingId());
        meeting = event.meetingId();
        subcommittee = event.subcommitteeId();
        revisions.add(event.text());
    }

    @EventSourcingHandler
    void on(MinutesFinalized event) {
        finalized = true;
    }

    @EventSourcingHandler
    void on(MinutesPublished event) {
        audience = event.audience();
    }
}
