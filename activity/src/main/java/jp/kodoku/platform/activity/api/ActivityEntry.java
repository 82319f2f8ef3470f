package jp.kodoku.platform.activity.api;

import java.time.Instant;
import java.util.List;

/**
 * One thing that happened, as the feed tells it.
 *
 * @param id             stable: the source aggregate and the event's sequence number in it
 * @param text           a plain Japanese sentence, with the organizations' names; never personal data
 * @param subcommitteeId the subcommittee concerned (bunkakai-3), or null
 * @param link           the path of the page about it (relative to the platform's address)
 */
public record ActivityEntry(String id, Instant occurredAt, ActivityKind kind, String text,
                            List<ActivityOrganization> organizations, String subcommitteeId, String link,
                            Audience audience) {

    public ActivityEntry {
        organizations = List.copyOf(organizations);
    }
}
