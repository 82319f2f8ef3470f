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
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.util.List;

/**
 * A meeting's minutes (議事録). The chair and the secretariat draft them (every save a revision with who and when), list
 * and compare revisions, restore one, finalize (then nothing changes) and publish to the members or to anyone. Readers:
 * drafts only the chair and the secretariat; minutes published to the members, the subcommittee's insiders; public
 * minutes, anyone. Revisions are the drafters' working material: only the chair and the secretariat read them.
 */
@RestController
@RequestMapping("/api/v1/subcommittees/{subcommitteeId}/meetings/{meetingId}/minutes")
@Tag(name = "Minutes", description = "議事録 of a meeting, as revisions")
@SecurityRequirement(name = "bearer")
class MinutesController {

    private final Commands commands;
    private final Queries queries;

    MinutesController(Commands commands, Queries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    record Text(@Schema(example = "第5回 分科会3 議事録\n1. 開会\n2. 連携事例の報告", description = "Required, at most 100,000 characters; line breaks kept")
                String text) {
    }

    record Publication(@Schema(example = "MEMBERS", description = "MEMBERS: the subcommittee's members; PUBLIC: anyone") Visibility audience) {
    }

    record Written(String meetingId, long version) {
    }

    @GetMapping
    @Operation(summary = "The minutes at their newest revision: drafts for the chair and the secretariat, published ones for the members (or anyone when public); ETag: their version")
    ResponseEntity<MinutesDetails> read(@PathVariable String subcommitteeId, @PathVariable String meetingId) {
        SubcommitteeDetails subcommittee = PathIds.subcommittee(queries, subcommitteeId);
        MinutesDetails minutes = queries.optional(new FindMinutes(PathIds.sid(subcommitteeId), PathIds.mid(meetingId)),
                MinutesDetails.class).orElse(null);
        if (minutes == null) {
            SubcommitteeAccess.requireInsider(subcommittee);
            throw new NotFound("the meeting has no minutes yet");
        }
        if (minutes.audience() == null) {
            SubcommitteeAccess.requireRuns(subcommitteeId); // a draft, or finalized but not yet published
        } else {
            SubcommitteeAccess.requireReader(subcommittee, minutes.audience());
        }
        return ResponseEntity.ok().eTag(Versions.etag(minutes.version())).header(HttpHeaders.CACHE_CONTROL, "no-store")
                             .body(minutes);
    }

    @PutMapping
    @Operation(summary = "Its chair or the secretariat: save the text as a new revision (the first save starts the minutes). Accepts If-Match (the minutes' version)")
    ResponseEntity<Written> save(@PathVariable String subcommitteeId, @PathVariable String meetingId,
                                 @IfMatch Long expectedVersion, @RequestBody Text body) {
        SubcommitteeAccess.requireRuns(subcommitteeId);
        return write(meetingId, new SaveMinutes(PathIds.mid(meetingId), PathIds.sid(subcommitteeId), expectedVersion, body.text()));
    }

    @GetMapping("/revisions")
    @Operation(summary = "Its chair or the secretariat: every revision, oldest first, with who saved it and when")
    List<MinutesRevision> revisions(@PathVariable String subcommitteeId, @PathVariable String meetingId) {
        SubcommitteeAccess.requireRuns(subcommitteeId);
        return queries.list(new ListMinutesRevisions(PathIds.sid(subcommitteeId), PathIds.mid(meetingId)), MinutesRevision.class);
    }

    @GetMapping("/revisions/{revision}")
    @Operation(summary = "Its chair or the secretariat: one revision with its text")
    MinutesRevision revision(@PathVariable String subcommitteeId, @PathVariable String meetingId, @PathVariable int revision) {
        SubcommitteeAccess.requireRuns(subcommitteeId);
        return queries.optional(new FindMinutesRevision(PathIds.sid(subcommitteeId), PathIds.mid(meetingId), revision),
                MinutesRevision.class).orElseThrow(() -> new NotFound("no such revision"));
    }

    @GetMapping("/comparison")
    @Operation(summary = "Its chair or the secretariat: two revisions compared line by line (SAME, REMOVED, ADDED)")
    MinutesComparison compare(@PathVariable String subcommitteeId, @PathVariable String meetingId,
                              @RequestParam int from, @RequestParam int to) {
        SubcommitteeAccess.requireRuns(subcommitteeId);
        return queries.optional(new CompareMinutesRevisions(PathIds.sid(subcommitteeId), PathIds.mid(meetingId), from, to),
                MinutesComparison.class).orElseThrow(() -> new NotFound("no such revision"));
    }

    @PostMapping("/revisions/{revision}/restoration")
    @Operation(summary = "Its chair or the secretariat: make an earlier revision's text the newest revision. Accepts If-Match")
    ResponseEntity<Written> restore(@PathVariable String subcommitteeId, @PathVariable String meetingId,
                                    @PathVariable int revision, @IfMatch Long expectedVersion) {
        SubcommitteeAccess.requireRuns(subcommitteeId);
        return write(meetingId, new RestoreMinutesRevision(PathIds.mid(meetingId), PathIds.sid(subcommitteeId),
                expectedVersion, revision));
    }

    @PostMapping("/finalization")
    @Operation(summary = "Its chair or the secretariat: lock the minutes at their newest revision; nothing changes them after. Accepts If-Match")
    ResponseEntity<Written> finalizeMinutes(@PathVariable String subcommitteeId, @PathVariable String meetingId,
                                            @IfMatch Long expectedVersion) {
        SubcommitteeAccess.requireRuns(subcommitteeId);
        return write(meetingId, new FinalizeMinutes(PathIds.mid(meetingId), PathIds.sid(subcommitteeId), expectedVersion));
    }

    @PostMapping("/publication")
    @Operation(summary = "Its chair or the secretariat: publish finalized minutes to the members or to anyone. Accepts If-Match")
    ResponseEntity<Written> publish(@PathVariable String subcommitteeId, @PathVariable String meetingId,
                                    @IfMatch Long expectedVersion, @RequestBody Publication body) {
        SubcommitteeAccess.requireRuns(subcommitteeId);
        return write(meetingId, new PublishMinutes(PathIds.mid(meetingId), PathIds.sid(subcommitteeId), expectedVersion,
                body.audience()));
    }

    private ResponseEntity<Written> write(String meetingId, Object command) {
        return commands.write(command, version -> new Written(meetingId, version));
    }
}
