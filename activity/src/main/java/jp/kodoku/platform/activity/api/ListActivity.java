package jp.kodoku.platform.activity.api;

import java.time.Instant;
import java.util.Set;

/**
 * Query: a page of the feed as this viewer may see it, newest first, optionally narrowed.
 *
 * @param kinds          only these kinds; empty: every kind
 * @param organizationId only entries concerning this organization, or null
 * @param subcommitteeId only entries of this subcommittee, or null
 * @param from           only entries at or after this instant, or null
 * @param to             only entries before this instant, or null
 * @param after          the cursor of the previous page, or null for the newest
 */
public record ListActivity(ActivityViewer viewer, Set<ActivityKind> kinds, String organizationId,
                           String subcommitteeId, Instant from, Instant to, ActivityCursor after, int limit) {

    public static final int LIMIT_MAX = 200;

    public ListActivity {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        if (limit < 1 || limit > LIMIT_MAX) {
            throw new InvalidActivityInput("limit", "must be between 1 and " + LIMIT_MAX);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidActivityInput("to", "must be after from");
        }
    }

    /** The newest public entries: the public feed and the top page. */
    public static ListActivity latestPublic(int limit) {
        return new ListActivity(ActivityViewer.anyone(), Set.of(), null, null, null, null, null, limit);
    }
}
