package jp.kodoku.platform.membership.organization;

import java.util.concurrent.atomic.AtomicInteger;

/** Member numbers from a counter, like the database sequence behind {@link JdbcMemberNumbers}. */
final class SequentialMemberNumbers implements MemberNumbers {

    private final AtomicInteger last;

    /** @param lastIssued the number handed out most recently (371 members as of 2022-12-01) */
    SequentialMemberNumbers(int lastIssued) {
        this.last = new AtomicInteger(lastIssued);
    }

    @Override
    public int next() {
        return last.incrementAndGet();
    }

    int lastIssued() {
        return last.get();
    }
}
