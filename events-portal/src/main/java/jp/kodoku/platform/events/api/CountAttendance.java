package jp.kodoku.platform.events.api;

/** Query (secretariat): registrations and attendance per event that starts in a fiscal year (年度, April to March). Answers an {@link AttendanceReport}. */
public record CountAttendance(int fiscalYear) {
}
