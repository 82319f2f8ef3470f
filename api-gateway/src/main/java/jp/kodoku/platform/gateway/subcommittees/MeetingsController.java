package jp.kodoku.platform.gateway.subcommittees;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.kodoku.platform.gateway.web.Commands;
import jp.kodoku.platform.gateway.web.IfMatch;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.subcommittees.api.*;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.regex.Pattern;

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

    private static final Pattern SUBCOMMITTEE = Pattern.compile("bunkakai-[1-9][0-9]{0,2}");
    private static final Pattern MEETING = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

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

    @GetMapping
    @Operation(summary = "The subcommittee's meetings by date, with place and online URL (its members, its chair, the secretariat)")
    List<MeetingSummary> list(@PathVariable String subcommitteeId) {
        SubcommitteeAccess.requireInsider(subcommittee(subcommitteeId));
        return queries.list(new ListMeetings(sid(subcommitteeId)), MeetingSummary.class);
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
        return queries.optional(new FindSubcommittee(sid(id)), SubcommitteeDetails.class)
                      .orElseThrow(() -> new NotFound("no such subcommittee"));
    }

    private static SubcommitteeId sid(String id) {
        if (!SUBCOMMITTEE.matcher(id).matches()) {
            throw new NotFound("no such subcommittee");
        }
        return new SubcommitteeId(id);
    }

    private static MeetingId mid(String id) {
        if (!MEETING.matcher(id).matches()) {
            throw new NotFound("no such meeting");
        }
        return new MeetingId(id);
    }
}
