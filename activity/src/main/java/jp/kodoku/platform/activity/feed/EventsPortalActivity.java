package jp.kodoku.platform.activity.feed;

import jp.kodoku.platform.activity.api.Audience;
import jp.kodoku.platform.activity.feed.FeedEntries.Told;
import jp.kodoku.platform.events.api.*;
import jp.kodoku.platform.membership.api.OrganizationId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static jp.kodoku.platform.activity.api.ActivityKind.*;
import static jp.kodoku.platform.activity.feed.Sentence.organization;

/**
 * The events portal's events in the feed: an event once announced (published, or a campaign event approved), and its
 * rescheduling and cancellation, read by whom the event is for (public, or members only: 総会 and 幹事会 always).
 * Drafts are nobody's news; registrations never appear (they name people).
 */
@Component
@ProcessingGroup("activity")
class EventsPortalActivity {

    private final FeedEntries entries;
    private final Subjects subjects;

    EventsPortalActivity(FeedEntries entries, Subjects subjects) {
        this.entries = entries;
        this.subjects = subjects;
    }

    @EventHandler
    void on(EventScheduled e, @SequenceNumber long seq) {
        subjects.change(e.eventId().value(), seq, s -> details(s, e.details()));
    }

    @EventHandler
    void on(EventRevised e, @SequenceNumber long seq) {
        subjects.change(e.eventId().value(), seq, s -> details(s, e.details()));
    }

    @EventHandler
    void on(EventPublished e, @SequenceNumber long seq, @Timestamp Instant at) {
        String id = e.eventId().value();
        Subjects.Change change = subjects.change(id, seq, s -> s.announced = true);
        if (change.applied()) {
            Subject s = change.after();
            String number = e.symposiumNumber() == null ? "" : "（第" + e.symposiumNumber() + "回）";
            entries.add(id, seq, at, new Told(EVENT_PUBLISHED, s.audience,
                    s.kindName + "「" + s.title + "」" + number + "を" + Sentence.date(LocalDate.parse(s.date))
                            + "に開催します", s.organizationIds, null, FeedLinks.event(id)));
        }
    }

    @EventHandler
    void on(CampaignEventProposed e, @SequenceNumber long seq, @Timestamp Instant at) {
        String id = e.eventId().value();
        String proposer = e.proposer().value();
        Subjects.Change change = subjects.change(id, seq, s -> {
            details(s, e.details());
            if (!s.organizationIds.contains(proposer)) {
                s.organizationIds.add(0, proposer);
            }
        });
        if (change.applied()) {
            entries.add(id, seq, at, new Told(CAMPAIGN_EVENT_PROPOSED, Audience.SECRETARIAT,
                    organization(0) + "から強化月間のイベント「" + e.details().title() + "」の提案がありました",
                    List.of(proposer), null, FeedLinks.event(id)));
        }
    }

    @EventHandler
    void on(CampaignEventApproved e, @SequenceNumber long seq, @Timestamp Instant at) {
        String id = e.eventId().value();
        Subjects.Change change = subjects.change(id, seq, s -> s.announced = true);
        if (change.applied()) {
            Subject s = change.after();
            entries.add(id, seq, at, new Told(EVENT_PUBLISHED, s.audience,
                    "強化月間のイベント「" + s.title + "」を" + Sentence.date(LocalDate.parse(s.date)) + "に開催します",
                    s.organizationIds, null, FeedLinks.event(id)));
        }
    }

    @EventHandler
    void on(CampaignEventRejected e, @SequenceNumber long seq) {
        subjects.change(e.eventId().value(), seq, s -> { });
    }

    @EventHandler
    void on(EventRescheduled e, @SequenceNumber long seq, @Timestamp Instant at) {
        String id = e.eventId().value();
        Subjects.Change change = subjects.change(id, seq, s -> s.date = e.schedule().startDate().toString());
        if (change.applied() && change.before().announced) {
            Subject s = change.after();
            boolean later = e.previous() == null || e.schedule().startsAt().isAfter(e.previous().startsAt());
            entries.add(id, seq, at, new Told(EVENT_RESCHEDULED, s.audience,
                    s.kindName + "「" + s.title + "」" + (later ? "が延期されました" : "の日程が変わりました") + "（"
                            + Sentence.dateTime(e.schedule().startDate(), e.schedule().startTime()) + "から）"
                            + Sentence.reason(e.reason()), s.organizationIds, null, FeedLinks.event(id)));
        }
    }

    @EventHandler
    void on(EventCancelled e, @SequenceNumber long seq, @Timestamp Instant at) {
        String id = e.eventId().value();
        Subjects.Change change = subjects.change(id, seq, s -> s.announced = false);
        if (change.applied() && change.before().announced) {
            Subject s = change.before();
            entries.add(id, seq, at, new Told(EVENT_CANCELLED, s.audience,
                    s.kindName + "「" + s.title + "」は中止になりました" + Sentence.reason(e.reason()), s.organizationIds,
                    null, FeedLinks.event(id)));
        }
    }

    private static void details(Subject s, EventDetails details) {
        s.title = details.title();
        s.kindName = details.kind().japanese();
        s.audience = details.visibility() == Visibility.MEMBERS_ONLY || details.kind().membersOnly()
                ? Audience.MEMBERS : Audience.PUBLIC;
        List<String> organizers = new ArrayList<>(details.organizerOrganizations().stream().map(OrganizationId::value)
                                                         .distinct().toList());
        s.organizationIds = organizers;
        s.date = details.schedule().startDate().toString();
    }
}
