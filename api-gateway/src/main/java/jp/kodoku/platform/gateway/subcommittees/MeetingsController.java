package jp.kodoku.platform.gateway.subcommittees;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.kodoku.platform.gateway.web.Commands;
import jp.kodoku.platform.gateway.web.IfMatch;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.gateway.web.Versions;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.subcommittees.api.*;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A subcommittee's meetings (会議): scheduled by a confirmed date poll, rescheduled or cancelled with a reason, and their
 * place. Everything here is for the subcommittee's members, its chair and the secretariat only, so the online URL is
 * never shown to the public or to another organization.
 */
@RestController
@RequestMapping("/api/v1/subcommittees/{subcommitteeId}/meetings")
@Tag(name = "Meetings", description = "会議 of a subcommittee")
@SecurityRequirement(name = "bearer")
class MeetingsController {

    private final Commands commands;
    private final Queries queries;

    MeetingsController(Commands commands, Queries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    record Rescheduling(@Schema(example = "2026-06-22") LocalDate date,
                        @Schema(example = "10:00", description = "Japan time; leave start and end out for a whole day") LocalTime start,
                        @Schema(example = "12:00") LocalTime end,
                        @Schema(example = "会場の都合により", description = "Required, at most 500 characters") String reason) {
    }

    record Cancellation(@Schema(example = "台風の接近のため", description = "Required, at most 500 characters") String reason) {
    }

    record Place(@Schema(example = "東京都千代田区霞が関1-2-2 中央合同庁舎5号館 会議室A", description = "At most 300 characters") String venue,
                 @Schema(example = "https://meet.example.jp/bunkakai3-5", description = "https only, at most 500 characters; shown only to the subcommittee's members")
                 String onlineUrl) {
    }

    record Written(String meetingId, long version) {
    }

    record MeetingVisibility(@Schema(description = "true: title, date and venue shown to anyone (never the online URL)")
                             Boolean publicMeeting) {
    }

    record Attended(@Schema(example = "91fb12fb-5f93-324f-bd0f-cb0532be4ed7") String organizationId,
                    @Schema(example = "3", description = "1 to 999") Integer people) {
    }

    record AttendanceList(List<Attended> attendance) {
    }

    @GetMapping
    @Operation(summary = "The subcommittee's meetings by date, with place and online URL (its members, its chair, the secretariat)")
    List<MeetingSummary> list(@PathVariable String subcommitteeId) {
        SubcommitteeAccess.requireInsider(subcommittee(subcommitteeId));
        return queries.list(new ListMeetings(sid(subcommitteeId)), MeetingSummary.class);
    }

    @GetMapping("/{meetingId}")
    @Operation(summary = "One meeting with its agenda (presenters, files) and attendance (its members, its chair, the secretariat); ETag: its version")
    ResponseEntity<MeetingDetails> one(@PathVariable String subcommitteeId, @PathVariable String meetingId) {
        SubcommitteeAccess.requireInsider(subcommittee(subcommitteeId));
        MeetingDetails meeting = queries.optional(new FindMeeting(sid(subcommitteeId), mid(meetingId)), MeetingDetails.class)
                                        .orElseThrow(() -> new NotFound("no such meeting"));
        return ResponseEntity.ok().eTag(Versions.etag(meeting.meeting().version())).body(meeting);
    }

    @PutMapping("/{meetingId}/visibility")
    @Operation(summary = "Its chair or the secretariat: mark the meeting public (listed in public-meetings and the public feed) or members-only. Accepts If-Match")
    ResponseEntity<Written> visibility(@PathVariable String subcommitteeId, @PathVariable String meetingId,
                                       @IfMatch Long expectedVersion, @RequestBody MeetingVisibility body) {
        SubcommitteeAccess.requireRuns(subcommitteeId);
        if (body.publicMeeting() == null) {
            throw new InvalidSubcommitteeInput("publicMeeting", "is required: true or false");
        }
        return write(meetingId, new SetMeetingVisibility(mid(meetingId), sid(subcommitteeId), expectedVersion,
                body.publicMeeting()));
    }

    @PutMapping("/{meetingId}/attendance")
    @Operation(summary = "Its chair or the secretariat: who attended (member organizations and their number of people), once the meeting has begun; replaces the list. Accepts If-Match")
    ResponseEntity<Written> attendance(@PathVariable String subcommitteeId, @PathVariable String meetingId,
                                       @IfMatch Long expectedVersion, @RequestBody AttendanceList body) {
        SubcommitteeAccess.requireRuns(subcommitteeId);
        SubcommitteeDetails subcommittee = subcommittee(subcommitteeId);
        List<Attendance> attendance = null;
        if (body.attendance() != null) {
            attendance = new java.util.ArrayList<>();
            for (int i = 0; i < body.attendance().size(); i++) {
                Attended a = body.attendance().get(i);
                OrganizationRef organization = a == null ? null
                        : Presenters.member(subcommittee, a.organizationId(), "attendance[" + i + "].organizationId");
                attendance.add(new Attendance(organization, a == null || a.people() == null ? 0 : a.people()));
            }
        }
        return write(meetingId, new RecordAttendance(mid(meetingId), sid(subcommitteeId), expectedVersion, attendance));
    }

    @PostMapping("/{meetingId}/rescheduling")
    @Operation(summary = "Its chair or the secretariat: move the meeting to another date or time, with a reason. Accepts If-Match")
    ResponseEntity<Written> reschedule(@PathVariable String subcommitteeId, @PathVariable String meetingId,
                                       @IfMatch Long expectedVersion, @RequestBody Rescheduling body) {
        SubcommitteeAccess.requireRuns(subcommitteeId);
        return write(meetingId, new RescheduleMeeting(mid(meetingId), sid(subcommitteeId), expectedVersion, body.date(),
                body.start(), body.end(), body.reason()));
    }

    @PostMapping("/{meetingId}/cancellation")
    @Operation(summary = "Its chair or the secretariat: cancel the meeting, with a reason (it stays listed as cancelled). Accepts If-Match")
    ResponseEntity<Written> cancel(@PathVariable String subcommitteeId, @PathVariable String meetingId,
                                   @IfMatch Long expectedVersion, @RequestBody Cancellation body) {
        SubcommitteeAccess.requireRuns(subcommitteeId);
        return write(meetingId, new CancelMeeting(mid(meetingId), sid(subcommitteeId), expectedVersion, body.reason()));
    }

    @PutMapping("/{meetingId}/place")
    @Operation(summary = "Its chair or the secretariat: the venue (address), the online URL, or both; replaces the place. Accepts If-Match")
    ResponseEntity<Written> place(@PathVariable String subcommitteeId, @PathVariable String meetingId,
                                  @IfMatch Long expectedVersion, @RequestBody Place body) {
        SubcommitteeAccess.requireRuns(subcommitteeId);
        return write(meetingId, new SetMeetingPlace(mid(meetingId), sid(subcommitteeId), expectedVersion, body.venue(),
                body.onlineUrl()));
    }

    private ResponseEntity<Written> write(String meetingId, Object command) {
        return commands.write(command, version -> new Written(meetingId, version));
    }

    private SubcommitteeDetails subcommittee(String id) {
        return PathIds.subcommittee(queries, id);
    }

    private static SubcommitteeId sid(String id) {
        return PathIds.sid(id);
    }

    private static MeetingId mid(String id) {
        return PathIds.mid(id);
    }
}
