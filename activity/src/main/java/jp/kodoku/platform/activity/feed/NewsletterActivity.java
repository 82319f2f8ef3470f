package jp.kodoku.platform.activity.feed;

import jp.kodoku.platform.activity.api.Audience;
import jp.kodoku.platform.activity.feed.FeedEntries.Told;
import jp.kodoku.platform.newsletter.api.IssueDrafted;
import jp.kodoku.platform.newsletter.api.IssueRevised;
import jp.kodoku.platform.newsletter.api.IssueSegmentChosen;
import jp.kodoku.platform.newsletter.api.IssueSendingStarted;
import jp.kodoku.platform.newsletter.api.IssueSent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

import java.util.List;

import static jp.kodoku.platform.activity.api.ActivityKind.NEWSLETTER_ISSUE_SENT;

/**
 * The newsletter's issues in the feed: one entry when an issue has gone out ("メールマガジン第52号「…」を配信しました"),
 * never before (drafts, schedules and cancellations are the secretariat's work, not news). Its subject line and
 * number are kept from the issue's own earlier events.
 *
 * <p>Who reads the entry is whom the issue went to: the segment chosen when it was scheduled (the last one chosen).
 * An issue to members' contacts only is members' news; one to everyone, or to the public subscribers (whom anyone may
 * join), is everyone's. Issues from before segments were chosen went to everyone (ADR 0044, 0046).
 */
@Component
@ProcessingGroup("activity")
class NewsletterActivity {

    private final FeedEntries entries;
    private final Subjects subjects;

    NewsletterActivity(FeedEntries entries, Subjects subjects) {
        this.entries = entries;
        this.subjects = subjects;
    }

    @EventHandler
    void on(IssueDrafted e, @SequenceNumber long seq) {
        subjects.change(e.issueId().value(), seq, s -> {
            s.title = e.subject();
            s.audience = Audience.PUBLIC;
        });
    }

    @EventHandler
    void on(IssueRevised e, @SequenceNumber long seq) {
        subjects.change(e.issueId().value(), seq, s -> s.title = e.subject());
    }

    @EventHandler
    void on(IssueSegmentChosen e, @SequenceNumber long seq) {
        boolean membersOnly = e.segment().audience() == jp.kodoku.platform.newsletter.api.Audience.MEMBERS;
        subjects.change(e.issueId().value(), seq, s -> s.audience = membersOnly ? Audience.MEMBERS : Audience.PUBLIC);
    }

    @EventHandler
    void on(IssueSendingStarted e, @SequenceNumber long seq) {
        subjects.change(e.issueId().value(), seq, s -> s.number = e.number());
    }

    /** At the time the issue went out as it records it: an issue imported from before the platform went out then. */
    @EventHandler
    void on(IssueSent e, @SequenceNumber long seq) {
        String id = e.issueId().value();
        Subjects.Change change = subjects.change(id, seq, s -> s.announced = true);
        if (change.applied()) {
            Subject s = change.after();
            String number = s.number == null ? "" : "第" + s.number + "号";
            entries.add(id, seq, e.sentAt(), new Told(NEWSLETTER_ISSUE_SENT, s.audience == null ? Audience.MEMBERS : s.audience,
                    "メールマガジン" + number + (s.title == null ? "" : "「" + s.title + "」") + "を配信しました",
                    List.of(), null, FeedLinks.newsletterIssue(id)));
        }
    }
}
