package jp.kodoku.platform.activity.feed;

import jp.kodoku.platform.activity.api.Audience;
import jp.kodoku.platform.activity.feed.FeedEntries.Told;
import jp.kodoku.platform.infra.readmodel.ReadModelBatches;
import jp.kodoku.platform.infra.readmodel.VersionedDocuments;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.subcommittees.api.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static jp.kodoku.platform.activity.api.ActivityKind.*;
import static jp.kodoku.platform.activity.feed.Sentence.organization;
import static jp.kodoku.platform.activity.feed.Sentence.subcommittee;

/**
 * The subcommittees' events in the feed. A subcommittee's setting up, its leads and its end are public (as its page
 * is); who joins and leaves, its polls and its meetings are for its members, its chair and the secretariat (as the
 * meetings API is). Chairs are people: their appointment is not told.
 *
 * <p>A meeting's entries, its minutes' and a deliverable's follow the visibility of their subject when read: they are
 * its subcommittee's, and everyone's while the meeting is marked public, the minutes or the deliverable published to
 * anyone (minutes only while their meeting is public too, as their entry names it). So making a meeting members-only
 * again takes all its entries out of the public feed at once (ADR 0046).
 */
@Component
@ProcessingGroup("activity")
class SubcommitteesActivity {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final MongoTemplate mongo;
    private final FeedEntries entries;
    private final Subjects subjects;
    private final VersionedDocuments<Roster> rosters;

    SubcommitteesActivity(MongoTemplate mongo, FeedEntries entries, Subjects subjects, ReadModelBatches batches) {
        this.mongo = mongo;
        this.entries = entries;
        this.subjects = subjects;
        this.rosters = batches.versioned(Roster.class, Roster::new);
    }

    /** The subcommittees this organization is a member of. */
    List<String> subcommitteesOf(String organizationId) {
        return mongo.find(Query.query(Criteria.where("members").is(organizationId)), Roster.class).stream()
                    .map(r -> r.id).toList();
    }

    @ResetHandler
    void dropAll() {
        mongo.dropCollection(Roster.class);
    }

    @EventHandler
    void on(SubcommitteeCreated e, @SequenceNumber long seq, @Timestamp Instant at) {
        String id = e.subcommitteeId().value();
        rosters.upsert(id, seq, r -> r.title = e.title());
        List<String> leads = ids(e.leadOrganizations());
        entries.add(id, seq, at, new Told(SUBCOMMITTEE_CREATED, Audience.PUBLIC,
                subcommittee(id) + "「" + e.title() + "」が設置されました（担当幹事団体：" + names(leads.size()) + "）",
                leads, id, FeedLinks.subcommittee(id)));
    }

    @EventHandler
    void on(LeadOrganizationsChanged e, @SequenceNumber long seq, @Timestamp Instant at) {
        String id = e.subcommitteeId().value();
        List<String> leads = ids(e.leadOrganizations());
        entries.add(id, seq, at, new Told(SUBCOMMITTEE_LEADS_CHANGED, Audience.PUBLIC,
                subcommittee(id) + "の担当幹事団体が" + names(leads.size()) + "になりました", leads, id,
                FeedLinks.subcommittee(id)));
    }

    @EventHandler
    void on(SubcommitteeClosed e, @SequenceNumber long seq, @Timestamp Instant at) {
        String id = e.subcommitteeId().value();
        entries.add(id, seq, at, new Told(SUBCOMMITTEE_CLOSED, Audience.PUBLIC, subcommittee(id) + "が活動を終えました",
                List.of(), id, FeedLinks.subcommittee(id)));
    }

    @EventHandler
    void on(SubcommitteeMemberJoined e, @SequenceNumber long seq, @Timestamp Instant at) {
        String id = e.subcommitteeId().value();
        String member = e.organizationId().value();
        rosters.upsert(id, seq, r -> r.members.add(member));
        entries.add(id, seq, at, new Told(SUBCOMMITTEE_MEMBER_JOINED, Audience.SUBCOMMITTEE,
                organization(0) + "が" + subcommittee(id) + "に参加しました", List.of(member), id,
                FeedLinks.subcommittee(id)));
    }

    @EventHandler
    void on(SubcommitteeMemberLeft e, @SequenceNumber long seq, @Timestamp Instant at) {
        String id = e.subcommitteeId().value();
        String member = e.organizationId().value();
        rosters.upsert(id, seq, r -> r.members.remove(member));
        entries.add(id, seq, at, new Told(SUBCOMMITTEE_MEMBER_LEFT, Audience.SUBCOMMITTEE,
                organization(0) + "が" + subcommittee(id) + "を退出しました", List.of(member), id,
                FeedLinks.subcommittee(id)));
    }

    @EventHandler
    void on(DatePollOpened e, @SequenceNumber long seq, @Timestamp Instant at) {
        String id = e.subcommitteeId().value();
        entries.add(e.pollId().value(), seq, at, new Told(DATE_POLL_OPENED, Audience.SUBCOMMITTEE,
                subcommittee(id) + "で日程調整「" + e.title() + "」が始まりました（回答期限："
                        + Sentence.date(LocalDate.ofInstant(e.deadline(), JAPAN)) + "）", List.of(), id,
                FeedLinks.poll(id, e.pollId().value())));
    }

    @EventHandler
    void on(MeetingScheduled e, @SequenceNumber long seq, @Timestamp Instant at) {
        String id = e.subcommitteeId().value();
        String meeting = e.meetingId().value();
        Subjects.Change change = subjects.change(meeting, seq, s -> {
            s.title = e.title();
            s.audience = Audience.SUBCOMMITTEE;
            s.announced = true;
            s.date = e.date().toString();
        });
        if (change.applied()) {
            entries.add(meeting, seq, at, new Told(MEETING_SCHEDULED, Audience.SUBCOMMITTEE,
                    subcommittee(id) + "の会議「" + e.title() + "」を" + Sentence.dateTime(e.date(), e.start())
                            + "に開きます", List.of(), id, FeedLinks.meeting(id, meeting), meeting));
        }
    }

    @EventHandler
    void on(MeetingRescheduled e, @SequenceNumber long seq, @Timestamp Instant at) {
        String id = e.subcommitteeId().value();
        String meeting = e.meetingId().value();
        Subjects.Change change = subjects.change(meeting, seq, s -> s.date = e.date().toString());
        if (change.applied()) {
            boolean later = change.before().date == null || e.date().isAfter(LocalDate.parse(change.before().date));
            entries.add(meeting, seq, at, new Told(MEETING_RESCHEDULED, Audience.SUBCOMMITTEE,
                    subcommittee(id) + "の会議「" + title(change) + "」" + (later ? "が延期されました" : "の日程が変わりました")
                            + "（" + Sentence.dateTime(e.date(), e.start()) + "）" + Sentence.reason(e.reason()),
                    List.of(), id, FeedLinks.meeting(id, meeting), meeting));
        }
    }

    @EventHandler
    void on(MeetingCancelled e, @SequenceNumber long seq, @Timestamp Instant at) {
        String id = e.subcommitteeId().value();
        String meeting = e.meetingId().value();
        Subjects.Change change = subjects.change(meeting, seq, s -> { });
        if (change.applied()) {
            entries.add(meeting, seq, at, new Told(MEETING_CANCELLED, Audience.SUBCOMMITTEE,
                    subcommittee(id) + "の会議「" + title(change) + "」は中止になりました" + Sentence.reason(e.reason()),
                    List.of(), id, FeedLinks.meeting(id, meeting), meeting));
        }
    }

    /** No entry of its own: the meeting's entries become everyone's, or its subcommittee's again, when read. */
    @EventHandler
    void on(MeetingVisibilityChanged e, @SequenceNumber long seq) {
        subjects.change(e.meetingId().value(), seq, s -> s.publicNow = e.publicMeeting());
    }

    /** Minutes are a stream of their own ({@link MinutesIds}); published again to another audience, told again. */
    @EventHandler
    void on(MinutesPublished e, @SequenceNumber long seq, @Timestamp Instant at) {
        String id = e.subcommitteeId().value();
        String meeting = e.meetingId().value();
        String minutes = MinutesIds.of(e.meetingId());
        Subjects.Change change = subjects.change(minutes, seq, s -> {
            s.publicNow = e.audience() == Visibility.PUBLIC;
            s.publicOnlyWith = meeting;
        });
        if (change.applied()) {
            entries.add(minutes, seq, at, new Told(MINUTES_PUBLISHED, Audience.SUBCOMMITTEE,
                    subcommittee(id) + "の会議の議事録を" + (e.audience() == Visibility.PUBLIC ? "一般に" : "分科会内に")
                            + "公開しました", List.of(), id, FeedLinks.minutes(id, meeting), minutes));
        }
    }

    @EventHandler
    void on(DeliverableRecorded e, @SequenceNumber long seq, @Timestamp Instant at) {
        String id = e.subcommitteeId().value();
        String deliverable = e.deliverableId().value();
        Subjects.Change change = subjects.change(deliverable, seq, s -> {
            s.title = e.title();
            s.kindName = e.kind().japanese();
            s.publicNow = e.visibility() == Visibility.PUBLIC;
        });
        if (change.applied()) {
            entries.add(deliverable, seq, at, new Told(DELIVERABLE_RECORDED, Audience.SUBCOMMITTEE,
                    subcommittee(id) + "の" + e.kind().japanese() + "「" + e.title() + "」がまとまりました", List.of(), id,
                    FeedLinks.deliverable(id, deliverable), deliverable));
        }
    }

    @EventHandler
    void on(DeliverableRevised e, @SequenceNumber long seq) {
        subjects.change(e.deliverableId().value(), seq, s -> {
            s.title = e.title();
            s.kindName = e.kind().japanese();
        });
    }

    /** Published to anyone: news of its own; members-only again: its entries leave the public feed when read. */
    @EventHandler
    void on(DeliverableVisibilityChanged e, @SequenceNumber long seq, @Timestamp Instant at) {
        String id = e.subcommitteeId().value();
        String deliverable = e.deliverableId().value();
        Subjects.Change change = subjects.change(deliverable, seq, s -> s.publicNow = e.visibility() == Visibility.PUBLIC);
        if (change.applied() && e.visibility() == Visibility.PUBLIC) {
            Subject s = change.after();
            entries.add(deliverable, seq, at, new Told(DELIVERABLE_PUBLISHED, Audience.SUBCOMMITTEE,
                    subcommittee(id) + "の" + s.kindName + "「" + s.title + "」を公開しました", List.of(), id,
                    FeedLinks.deliverable(id, deliverable), deliverable));
        }
    }

    private static String title(Subjects.Change change) {
        return change.before().title == null ? "" : change.before().title;
    }

    private static List<String> ids(List<OrganizationId> organizations) {
        return new ArrayList<>(organizations.stream().map(OrganizationId::value).distinct().toList());
    }

    /** 〇〇、〇〇 */
    static String names(int count) {
        return String.join("、", IntStream.range(0, count).mapToObj(Sentence::organization).toList());
    }
}
