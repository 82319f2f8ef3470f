package jp.kodoku.platform.activity.api;

import java.util.List;

/**
 * A page of the feed, newest first.
 *
 * @param nextCursor where the next (older) page starts, or null on the last page
 */
public record ActivityPage(List<ActivityEntry> entries, String nextCursor) {

    public ActivityPage {
        entries = List.copyOf(entries);
    }
}
