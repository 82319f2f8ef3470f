package jp.kodoku.platform.activity.feed;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import jp.kodoku.platform.activity.api.ActivityPage;
import jp.kodoku.platform.activity.api.ListActivity;
import jp.kodoku.platform.events.api.*;
import jp.kodoku.platform.infra.readmodel.ReadModelBatches;
import jp.kodoku.platform.membership.api.*;
import jp.kodoku.platform.subcommittees.api.*;
import jp.kodoku.platform.events.api.Visibility;
import jp.kodoku.platform.newsletter.api.IssueDrafted;
import jp.kodoku.platform.newsletter.api.IssueId;
import jp.kodoku.platform.newsletter.api.IssueSendingStarted;
import jp.kodoku.platform.newsletter.api.IssueSegmentChosen;
import jp.kodoku.platform.newsletter.api.IssueSent;
import jp.kodoku.platform.newsletter.api.Segment;
import jp.kodoku.platform.newsletter.api.Section;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The feed's handlers and queries on an in-process MongoDB wire server, and a history told to them as the event store
 * would deliver it: each aggregate's events numbered in order, one second apart. {@link #redeliverEverything()} hands
 * every event over once more, as a processor does after a crash.
 */
final class FeedHistory implements AutoCloseable {

    private final MongoServer server = new MongoServer(H2Backend.inMemory());
    private final MongoClient client;
    final MongoTemplate mongo;
    private final KnownOrganizations organizations;
    private final MembershipActivity membership;
    private final SubcommitteesActivity subcommittees;
    private final EventsPortalActivity events;
    private final NewsletterActivity newsletter;
    private final FeedQueries queries;
    private final Map<String, Long> sequences = new HashMap<>();
    private final List<Runnable> delivered = new java.util.ArrayList<>();
    private Instant now = Instant.parse("2026-04-01T00:00:00Z");

    FeedHistory() {
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongo = new MongoTemplate(client, "activity_test");
        ReadModelBatches batches = new ReadModelBatches(mongo, () -> { });
        FeedEntries entries = new FeedEntries(mongo, batches);
        Subjects subjects = new Subjects(mongo, batches);
        organizations = new KnownOrganizations(mongo, batches);
        membership = new MembershipActivity(entries, subjects);
        subcommittees = new SubcommitteesActivity(mongo, entries, subjects, batches);
        events = new EventsPortalActivity(entries, subjects);
        newsletter = new NewsletterActivity(entries, subjects);
        queries = new FeedQueries(mongo, organizations, subcommittees, subjects);
    }

    ActivityPage list(ListActivity query) {
        return queries.handle(query);
    }

    /** Drops every collection through the reset handlers, then tells every event again: a rebuild. */
    void rebuild() {
        organizations.dropAll();
        membership.dropAll();
        subcommittees.dropAll();
        redeliverEverything();
    }

    void redeliverEverything() {
        List.copyOf(delivered).forEach(Runnable::run);
    }

    private void tell(String aggregate, EventDelivery delivery) {
        long seq = sequences.merge(aggregate, 1L, Long::sum) - 1;
        now = now.plusSeconds(1);
        Instant at = now;
        Runnable run = () -> delivery.deliver(seq, at);
        delivered.add(run);
        run.run();
    }

    private interface EventDelivery {
        void deliver(long seq, Instant at);
    }

    // ---- membership -------------------------------------------------------------------------------------------------

    /** An organization applies and is approved; returns its id. */
    String member(String name, boolean consentToPublish) {
        String id = UUID.randomUUID().toString();
        OrganizationId org = new OrganizationId(id);
        OrganizationProfile profile = new OrganizationProfile(name, "テスト", LegalForm.NPO_CORPORATION, null,
                BodyType.NPO_SUPPORT, true, Set.of(), Set.of(FieldOfActivity.PLACE_TO_BELONG),
                Set.of(TargetGroup.CHILDREN_AND_YOUTH), Set.of(), null, "居場所づくり", consentToPublish);
        MembershipApplicationSubmitted submitted = new MembershipApplicationSubmitted(org, profile,
                MemberCategory.REGULAR, null, "2022-02", "hash");
        tell(id, (seq, at) -> {
            organizations.on(submitted, seq);
            membership.on(submitted, seq, at);
        });
        MembershipApplicationApproved approved = new MembershipApplicationApproved(org, 1, MemberCategory.REGULAR,
                LocalDate.of(2026, 4, 1));
        tell(id, (seq, at) -> {
            organizations.on(approved, seq);
            membership.on(approved, seq, at);
        });
        return id;
    }

    void withdraw(String id) {
        MemberWithdrawn withdrawn = new MemberWithdrawn(new OrganizationId(id), WithdrawalKind.REQUESTED_BY_MEMBER,
                "活動終了", LocalDate.of(2026, 5, 31));
        tell(id, (seq, at) -> {
            organizations.on(withdrawn, seq);
            membership.on(withdrawn, seq, at);
        });
    }

    void suspend(String id) {
        MemberSuspended suspended = new MemberSuspended(new OrganizationId(id), "確認中");
        tell(id, (seq, at) -> {
            organizations.on(suspended, seq);
            membership.on(suspended, seq, at);
        });
    }

    void reinstate(String id) {
        MemberReinstated reinstated = new MemberReinstated(new OrganizationId(id), "確認できました");
        tell(id, (seq, at) -> {
            organizations.on(reinstated, seq);
            membership.on(reinstated, seq, at);
        });
    }

    // ---- subcommittees ----------------------------------------------------------------------------------------------

    String subcommittee(int number, String lead) {
        SubcommitteeId id = SubcommitteeId.ofNumber(number);
        SubcommitteeCreated created = new SubcommitteeCreated(id, number, "相談支援に係る実務的な相互連携の在り方", null,
                List.of(new OrganizationId(lead)));
        tell(id.value(), (seq, at) -> subcommittees.on(created, seq, at));
        join(id.value(), lead);
        return id.value();
    }

    void join(String subcommittee, String organization) {
        SubcommitteeMemberJoined joined = new SubcommitteeMemberJoined(new SubcommitteeId(subcommittee),
                new OrganizationId(organization), JoinRoute.ADDED);
        tell(subcommittee, (seq, at) -> subcommittees.on(joined, seq, at));
    }

    String meeting(String subcommittee, String title, LocalDate date) {
        String id = UUID.randomUUID().toString();
        MeetingScheduled scheduled = new MeetingScheduled(new MeetingId(id), new SubcommitteeId(subcommittee), title,
                date, LocalTime.of(14, 0), LocalTime.of(16, 0), null);
        tell(id, (seq, at) -> subcommittees.on(scheduled, seq, at));
        return id;
    }

    void rescheduleMeeting(String meeting, String subcommittee, LocalDate date, String reason) {
        MeetingRescheduled rescheduled = new MeetingRescheduled(new MeetingId(meeting), new SubcommitteeId(subcommittee),
                date, LocalTime.of(14, 0), LocalTime.of(16, 0), reason);
        tell(meeting, (seq, at) -> subcommittees.on(rescheduled, seq, at));
    }

    /** The meeting marked public, or members-only again. */
    void meetingVisibility(String meeting, String subcommittee, boolean publicMeeting) {
        MeetingVisibilityChanged changed = new MeetingVisibilityChanged(new MeetingId(meeting),
                new SubcommitteeId(subcommittee), publicMeeting);
        tell(meeting, (seq, at) -> subcommittees.on(changed, seq));
    }

    /** The meeting's minutes saved, finalized and published to this audience (their own stream). */
    void publishMinutes(String meeting, String subcommittee, jp.kodoku.platform.subcommittees.api.Visibility audience) {
        MinutesPublished published = new MinutesPublished(new MeetingId(meeting), new SubcommitteeId(subcommittee),
                audience);
        String minutes = MinutesIds.of(new MeetingId(meeting));
        tell(minutes, (seq, at) -> { });
        tell(minutes, (seq, at) -> { });
        tell(minutes, (seq, at) -> subcommittees.on(published, seq, at));
    }

    /** A deliverable recorded with this visibility; returns its id. */
    String deliverable(String subcommittee, String title, jp.kodoku.platform.subcommittees.api.Visibility visibility) {
        String id = UUID.randomUUID().toString();
        DeliverableRecorded recorded = new DeliverableRecorded(new DeliverableId(id), new SubcommitteeId(subcommittee),
                title, DeliverableKind.REPORT, LocalDate.of(2026, 11, 30), "要旨", visibility, List.of());
        tell(id, (seq, at) -> subcommittees.on(recorded, seq, at));
        return id;
    }

    void deliverableVisibility(String deliverable, String subcommittee,
                               jp.kodoku.platform.subcommittees.api.Visibility visibility) {
        DeliverableVisibilityChanged changed = new DeliverableVisibilityChanged(new DeliverableId(deliverable),
                new SubcommitteeId(subcommittee), visibility);
        tell(deliverable, (seq, at) -> subcommittees.on(changed, seq, at));
    }

    // ---- newsletter -------------------------------------------------------------------------------------------------

    /** An issue drafted, scheduled to everyone, started (as number {@code number}) and sent; returns its id. */
    String sentIssue(String subject, int number) {
        return sentIssue(subject, number, Segment.EVERYONE);
    }

    /** An issue drafted, scheduled to a segment, started (as number {@code number}) and sent; returns its id. */
    String sentIssue(String subject, int number, Segment segment) {
        return sentIssue(subject, number, segment, null);
    }

    /** An issue that went out at {@code sentAt} (one imported from before the platform), told now. */
    String sentIssueOn(String subject, int number, Instant sentAt) {
        return sentIssue(subject, number, Segment.EVERYONE, sentAt);
    }

    private String sentIssue(String subject, int number, Segment segment, Instant sentAt) {
        IssueId id = IssueId.random();
        IssueDrafted drafted = new IssueDrafted(id, subject, now.plusSeconds(3600), Section.DEFAULTS);
        tell(id.value(), (seq, at) -> newsletter.on(drafted, seq));
        tell(id.value(), (seq, at) -> { }); // scheduled: nothing the feed keeps
        IssueSegmentChosen chosen = new IssueSegmentChosen(id, segment);
        tell(id.value(), (seq, at) -> newsletter.on(chosen, seq));
        IssueSendingStarted started = new IssueSendingStarted(id, number, now);
        tell(id.value(), (seq, at) -> newsletter.on(started, seq));
        IssueSent sent = new IssueSent(id, sentAt == null ? now.plusSeconds(1) : sentAt, 120, 0);
        tell(id.value(), (seq, at) -> newsletter.on(sent, seq));
        return id.value();
    }

    /** An issue drafted, then cancelled before it went out. */
    void cancelledIssue(String subject) {
        IssueId id = IssueId.random();
        IssueDrafted drafted = new IssueDrafted(id, subject, now.plusSeconds(3600), Section.DEFAULTS);
        tell(id.value(), (seq, at) -> newsletter.on(drafted, seq));
        tell(id.value(), (seq, at) -> { }); // cancelled: not news
    }

    // ---- events portal ----------------------------------------------------------------------------------------------

    /** An event, published at once; returns its id. */
    String event(String title, EventKind kind, Visibility visibility, List<String> organizers) {
        String id = UUID.randomUUID().toString();
        LocalDate day = LocalDate.of(2026, 12, 3);
        EventDetails details = new EventDetails(kind, title, "説明", null, null, organizers.isEmpty(),
                organizers.stream().map(OrganizationId::new).toList(),
                new Schedule(day, LocalTime.of(13, 30), day, LocalTime.of(16, 30)), null, null, visibility, null);
        EventScheduled scheduled = new EventScheduled(new EventId(id), details);
        tell(id, (seq, at) -> events.on(scheduled, seq));
        EventPublished published = new EventPublished(new EventId(id), kind == EventKind.SYMPOSIUM ? 3 : null);
        tell(id, (seq, at) -> events.on(published, seq, at));
        return id;
    }

    void cancelEvent(String id, String reason) {
        EventCancelled cancelled = new EventCancelled(new EventId(id), reason);
        tell(id, (seq, at) -> events.on(cancelled, seq, at));
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
