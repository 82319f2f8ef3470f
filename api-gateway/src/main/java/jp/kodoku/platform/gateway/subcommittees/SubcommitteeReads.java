package jp.kodoku.platform.gateway.subcommittees;

import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.subcommittees.api.DatePollSummary;
import jp.kodoku.platform.subcommittees.api.DatePollTable;
import jp.kodoku.platform.subcommittees.api.FindDatePoll;
import jp.kodoku.platform.subcommittees.api.ListDatePolls;
import jp.kodoku.platform.subcommittees.api.ListMeetings;
import jp.kodoku.platform.subcommittees.api.MeetingSummary;
import jp.kodoku.platform.subcommittees.api.PollId;
import jp.kodoku.platform.subcommittees.api.SubcommitteeDetails;
import jp.kodoku.platform.subcommittees.api.SubcommitteeId;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What the subcommittee pages read, through the queries the API asks: a subcommittee, its polls and meetings. A poll
 * or meeting is found only through its own subcommittee (ADR 0023), so a chair's claim never reaches another's.
 */
@Component
class SubcommitteeReads {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Queries queries;

    SubcommitteeReads(Queries queries) {
        this.queries = queries;
    }

    SubcommitteeDetails subcommittee(String id) {
        return PathIds.subcommittee(queries, id);
    }

    List<MeetingSummary> meetings(String subcommitteeId) {
        return queries.list(new ListMeetings(sid(subcommitteeId)), MeetingSummary.class);
    }

    MeetingSummary meeting(String subcommitteeId, String meetingId) {
        PathIds.mid(meetingId);
        return meetings(subcommitteeId).stream().filter(m -> m.meetingId().equals(meetingId)).findFirst()
                                       .orElseThrow(() -> new NotFound("no such meeting"));
    }

    List<DatePollSummary> polls(String subcommitteeId) {
        return queries.list(new ListDatePolls(sid(subcommitteeId)), DatePollSummary.class);
    }

    DatePollTable poll(String subcommitteeId, String pollId) {
        return queries.optional(new FindDatePoll(pid(pollId)), DatePollTable.class)
                      .filter(t -> t.subcommitteeId().equals(subcommitteeId))
                      .orElseThrow(() -> new NotFound("no such date poll"));
    }

    static SubcommitteeId sid(String id) {
        return PathIds.sid(id);
    }

    static PollId pid(String id) {
        if (!UUID.matcher(id).matches()) {
            throw new NotFound("no such date poll");
        }
        return new PollId(id);
    }
}
