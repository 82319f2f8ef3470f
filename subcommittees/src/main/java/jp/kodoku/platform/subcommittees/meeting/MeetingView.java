package jp.kodoku.platform.subcommittees.meeting;

import jp.kodoku.platform.infra.readmodel.VersionedDocument;
import jp.kodoku.platform.subcommittees.api.MeetingStatus;
import jp.kodoku.platform.subcommittees.api.AgendaItem;
import jp.kodoku.platform.subcommittees.api.Attendance;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.List;

/** One meeting in MongoDB ({@code meetings}); dates and times as ISO strings, so that they sort as text. */
@Document("meetings")
class MeetingView extends VersionedDocument<MeetingView> {

    String subcommitteeId;
    String title;
    String date;
    String start;
    String end;
    MeetingStatus status;
    String fromPollId;
    String venue;
    String onlineUrl;
    /** Why it was last rescheduled, or why it was cancelled. */
    String reason;
    /** Raised on every change of date, time, place or status: the calendar's SEQUENCE. */
    int sequence;
    boolean publicMeeting;
    /** In the agenda's order. */
    List<AgendaItem> agenda = new ArrayList<>();
    List<Attendance> attendance = new ArrayList<>();
}
