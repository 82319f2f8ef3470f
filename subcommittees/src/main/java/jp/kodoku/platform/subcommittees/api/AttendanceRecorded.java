package jp.kodoku.platform.subcommittees.api;

import java.util.List;

/** The attendance of a meeting, as a whole (it replaces what was recorded before). */
public record AttendanceRecorded(MeetingId meetingId, SubcommitteeId subcommitteeId, List<Attendance> attendance) {
}
