package jp.kodoku.platform.subcommittees.api;

import java.time.LocalDate;
import java.time.LocalTime;

/** A meeting marked public, as anyone may read it: never its online URL. */
public record PublicMeeting(String meetingId, String subcommitteeId, String title, LocalDate date, LocalTime start,
                            LocalTime end, MeetingStatus status, String venue, String reason, int sequence) {
}
