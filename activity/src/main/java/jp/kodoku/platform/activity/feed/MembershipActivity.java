package jp.kodoku.platform.activity.feed;

import jp.kodoku.platform.activity.api.Audience;
import jp.kodoku.platform.activity.feed.FeedEntries.Told;
import jp.kodoku.platform.membership.api.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static jp.kodoku.platform.activity.api.ActivityKind.*;
import static jp.kodoku.platform.activity.feed.Sentence.organization;

/**
 * Membership's events in the feed. Public: approvals (after the decision, never the application), category changes,
 * steering members. The secretariat's: applications, suspensions, reinstatements, withdrawals. Nothing about contact
 * persons or member admins: the feed holds no personal data, so erasing a person leaves nothing in it to erase.
 */
@Component
@ProcessingGroup("activity")
class MembershipActivity {

    private final FeedEntries entries;
    private final Subjects subjects;

    MembershipActivity(FeedEntries entries, Subjects subjects) {
        this.entries = entries;
        this.subjects = subjects;
    }

    /** The feed is rebuilt whole: its entries and the subjects every module's handler shares go with this reset. */
    @ResetHandler
    void dropAll() {
        entries.dropAll();
        subjects.dropAll();
    }

    @EventHandler
    void on(MembershipApplicationSubmitted e, @SequenceNumber long seq, @Timestamp Instant at) {
        String id = e.organizationId().value();
        entries.add(id, seq, at, new Told(APPLICATION_RECEIVED, Audience.SECRETARIAT,
                organization(0) + "から入会の申込がありました", List.of(id), null, FeedLinks.secretariatRecord(id)));
    }

    @EventHandler
    void on(MembershipApplicationApproved e, @SequenceNumber long seq, @Timestamp Instant at) {
        String id = e.organizationId().value();
        entries.add(id, seq, at, new Told(MEMBER_JOINED, Audience.PUBLIC,
                organization(0) + "が" + e.category().label() + "になりました", List.of(id), null,
                FeedLinks.directoryEntry(id)));
    }

    @EventHandler
    void on(MemberCategoryChanged e, @SequenceNumber long seq, @Timestamp Instant at) {
        String id = e.organizationId().value();
        entries.add(id, seq, at, new Told(MEMBER_CATEGORY_CHANGED, Audience.PUBLIC,
                organization(0) + "の会員種別が" + e.from().label() + "から" + e.to().label() + "に変わりました（"
                        + Sentence.date(e.effectiveDate()) + "から）", List.of(id), null, FeedLinks.directoryEntry(id)));
    }

    @EventHandler
    void on(SteeringMemberAppointed e, @SequenceNumber long seq, @Timestamp Instant at) {
        String id = e.organizationId().value();
        entries.add(id, seq, at, new Told(STEERING_MEMBER_APPOINTED, Audience.PUBLIC,
                organization(0) + "が幹事団体になりました（" + Sentence.date(e.termStart()) + "から）", List.of(id), null,
                FeedLinks.directoryEntry(id)));
    }

    @EventHandler
    void on(MemberSuspended e, @SequenceNumber long seq, @Timestamp Instant at) {
        String id = e.organizationId().value();
        entries.add(id, seq, at, new Told(MEMBER_SUSPENDED, Audience.SECRETARIAT,
                organization(0) + "の会員資格を停止しました" + Sentence.reason(e.reason()), List.of(id), null,
                FeedLinks.secretariatRecord(id)));
    }

    @EventHandler
    void on(MemberReinstated e, @SequenceNumber long seq, @Timestamp Instant at) {
        String id = e.organizationId().value();
        entries.add(id, seq, at, new Told(MEMBER_REINSTATED, Audience.SECRETARIAT,
                organization(0) + "の会員資格が回復しました", List.of(id), null, FeedLinks.secretariatRecord(id)));
    }

    @EventHandler
    void on(MemberWithdrawn e, @SequenceNumber long seq, @Timestamp Instant at) {
        String id = e.organizationId().value();
        entries.add(id, seq, at, new Told(MEMBER_WITHDRAWN, Audience.SECRETARIAT,
                organization(0) + "が退会しました（" + Sentence.date(e.effectiveDate()) + "付）"
                        + Sentence.reason(e.reason()), List.of(id), null, FeedLinks.secretariatRecord(id)));
    }
}
