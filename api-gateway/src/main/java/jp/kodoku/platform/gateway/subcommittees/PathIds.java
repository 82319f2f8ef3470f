package jp.kodoku.platform.gateway.subcommittees;

import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.subcommittees.api.*;

import java.util.regex.Pattern;

/**
 * The ids in the subcommittees' paths: a malformed one is "not found", never a command with a strange id; and the
 * subcommittee every access check reads.
 */
final class PathIds {

    private static final Pattern SUBCOMMITTEE = Pattern.compile("bunkakai-[1-9][0-9]{0,2}");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private PathIds() {
    }

    static SubcommitteeId sid(String id) {
        if (!SUBCOMMITTEE.matcher(id).matches()) {
            throw new NotFound("no such subcommittee");
        }
        return new SubcommitteeId(id);
    }

    static MeetingId mid(String id) {
        return new MeetingId(uuid(id, "meeting"));
    }

    static DeliverableId did(String id) {
        return new DeliverableId(uuid(id, "deliverable"));
    }

    static AgendaItemId item(String id) {
        return new AgendaItemId(uuid(id, "agenda item"));
    }

    static String sha256(String hash) {
        if (!SHA256.matcher(hash).matches()) {
            throw new NotFound("no such file");
        }
        return hash;
    }

    static SubcommitteeDetails subcommittee(Queries queries, String id) {
        return queries.optional(new FindSubcommittee(sid(id)), SubcommitteeDetails.class)
                      .orElseThrow(() -> new NotFound("no such subcommittee"));
    }

    private static String uuid(String id, String what) {
        if (!UUID.matcher(id).matches()) {
            throw new NotFound("no such " + what);
        }
        return id;
    }
}
