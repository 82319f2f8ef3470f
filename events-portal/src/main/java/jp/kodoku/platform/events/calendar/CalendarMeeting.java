package jp.kodoku.platform.events.calendar;

import jp.kodoku.platform.infra.readmodel.VersionedDocument;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A subcommittee meeting as the unified calendar shows it ({@code calendar_meetings}), kept from the subcommittees
 * module's published events. Dates as ISO text like {@link EventView}'s, so one range query serves both. No online
 * URL: the calendar never shows one.
 */
@Document(CalendarMeeting.COLLECTION)
class CalendarMeeting extends VersionedDocument<CalendarMeeting> {

    static final String COLLECTION = "calendar_meetings";

    String subcommitteeId;
    String title;
    String startDate;
    String endDate;
    String startTime;
    String endTime;
    String startsAt;
    /** SCHEDULED, RESCHEDULED or CANCELLED. */
    String status;
    String reason;
    String venue;
    boolean online;
    /**
     * Whether the public sees it (MeetingVisibilityChanged); a meeting is its subcommittee's members' only until its
     * chair makes it public.
     */
    boolean publicMeeting;
    String changedAt;
}
