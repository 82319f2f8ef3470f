package jp.kodoku.platform.gateway.subcommittees;

import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.subcommittees.api.*;
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

    /** The meeting with its agenda and attendance (insiders only: it carries the online URL). */
    MeetingDetails meetingDetails(String subcommitteeId, String meetingId) {
        return queries.optional(new FindMeeting(sid(subcommitteeId), PathIds.mid(meetingId)), MeetingDetails.class)
                      .orElseThrow(() -> new NotFound("no such meeting"));
    }

    /** The meeting's minutes at their newest revision, or null before the first save. */
    MinutesDetails minutes(String subcommitteeId, String meetingId) {
        return queries.optional(new FindMinutes(sid(subcommitteeId), PathIds.mid(meetingId)), MinutesDetails.class)
                      .orElse(null);
    }

    List<MinutesRevision> revisions(String subcommitteeId, String meetingId) {
        return queries.list(new ListMinutesRevisions(sid(subcommitteeId), PathIds.mid(meetingId)), MinutesRevision.class);
    }

    MinutesComparison comparison(String subcommitteeId, String meetingId, int from, int to) {
        return queries.optional(new CompareMinutesRevisions(sid(subcommitteeId), PathIds.mid(meetingId), from, to),
                MinutesComparison.class).orElseThrow(() -> new NotFound("no such revision"));
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
