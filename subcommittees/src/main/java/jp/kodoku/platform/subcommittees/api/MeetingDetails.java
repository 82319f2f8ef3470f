package jp.kodoku.platform.subcommittees.api;

import java.util.List;

/**
 * One meeting as its subcommittee's members, its chair and the secretariat read it: the meeting (with its online URL),
 * whether it is public, its agenda in order and its attendance.
 */
public record MeetingDetails(MeetingSummary meeting, boolean publicMeeting, List<AgendaItem> agenda,
                             List<Attendance> attendance) {
}
