package jp.kodoku.platform.activity.feed;

import jp.kodoku.platform.infra.readmodel.VersionedDocument;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A subcommittee's member organizations ({@code activity_rosters}): whose admins read its members' entries. Lead
 * organizations join as members, so they are here too.
 */
@Document("activity_rosters")
class Roster extends VersionedDocument<Roster> {

    String title;
    Set<String> members = new LinkedHashSet<>();
}
