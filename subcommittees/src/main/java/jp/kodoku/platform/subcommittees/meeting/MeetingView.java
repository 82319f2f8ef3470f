package jp.kodoku.platform.subcommittees.meeting;

import jp.kodoku.platform.infra.readmodel.VersionedDocument;
import jp.kodoku.platform.subcommittees.api.MeetingStatus;
import org.springframework.data.mongodb.core.mapping.Document;

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
}
