package jp.kodoku.platform.newsletter.sending;

import jp.kodoku.platform.infra.personaldata.SealedValue;
import jp.kodoku.platform.newsletter.api.IssueId;
import jp.kodoku.platform.newsletter.api.SubscriptionId;

/**
 * One recipient's mail of an issue, as its outbox row holds it (kind {@value #KIND}): the address still sealed (an
 * erasure makes it unreadable here too), whether the recipient is a member's contact (members-only items), the issue's
 * version when it started going out (the content to send) and the {@code Message-ID}, fixed when the row was written
 * so that a mail repeated after a crash is recognizably the same message.
 */
record IssueMail(IssueId issueId, long issueVersion, SubscriptionId subscriptionId, SealedValue email, boolean member,
                 String messageId) {

    static final String KIND = "newsletter.issue";

    /** The outbox row's key: one row per issue and recipient. */
    static String dedupeKey(IssueId issue, SubscriptionId recipient) {
        return rowsOf(issue) + recipient.value();
    }

    /** The common start of the keys of an issue's rows. */
    static String rowsOf(IssueId issue) {
        return "issue-" + issue.value() + "/";
    }

    /** The key's end that names the recipient, whatever the issue. */
    static String rowsTo(SubscriptionId recipient) {
        return "/" + recipient.value();
    }
}
