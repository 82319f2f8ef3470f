package jp.kodoku.platform.gateway.subcommittees;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.kodoku.platform.gateway.idempotency.IdempotentRequests;
import jp.kodoku.platform.gateway.web.Commands;
import jp.kodoku.platform.gateway.web.FileDownloads;
import jp.kodoku.platform.gateway.web.IfMatch;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.gateway.web.Versions;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.subcommittees.api.*;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.multipart.MultipartFile;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A subcommittee's deliverables (検討成果, 中間整理, 報告書) and their files. Its chair and the secretariat record and
 * correct them; public ones are anyone's, members-only ones the subcommittee's insiders'.
 */
@RestController
@RequestMapping("/api/v1/subcommittees/{subcommitteeId}/deliverables")
@Tag(name = "Deliverables", description = "検討成果, 中間整理, 報告書 of a subcommittee")
@SecurityRequirement(name = "bearer")
class DeliverablesController {

    private final Commands commands;
    private final Queries queries;
    private final IdempotentRequests idempotency;
    private final FileDownloads files;

    DeliverablesController(Commands commands, Queries queries, IdempotentRequests idempotency, FileDownloads files) {
        this.commands = commands;
        this.queries = queries;
        this.idempotency = idempotency;
        this.files = files;
    }

    record NewDeliverable(@Schema(example = "中間整理") String title,
                          @Schema(example = "INTERIM_SUMMARY", description = "STUDY_RESULT (検討成果), INTERIM_SUMMARY (中間整理), REPORT (報告書)") DeliverableKind kind,
                          @Schema(example = "2022-11-09", description = "Not before any of its meetings") LocalDate date,
                          @Schema(description = "At most 4,000 characters") String summary,
                          @Schema(example = "MEMBERS") Visibility visibility,
                          @Schema(description = "The meetings (of this subcommittee) that produced it") List<String> meetingIds) {
    }

    record Revision(String title, DeliverableKind kind, LocalDate date, String summary, List<String> meetingIds) {
    }

    record DeliverableVisibility(Visibility visibility) {
    }

    record Written(String deliverableId, long version) {
    }

    @GetMapping
    @Operation(summary = "The deliverables by date: public ones for anyone, every one for the subcommittee's insiders")
    List<DeliverableSummary> list(@PathVariable String subcommitteeId) {
        boolean insider = SubcommitteeAccess.isInsider(PathIds.subcommittee(queries, subcommitteeId));
        return queries.list(new ListDeliverables(PathIds.sid(subcommitteeId)), DeliverableSummary.class).stream()
                      .filter(d -> insider || d.visibility() == Visibility.PUBLIC).toList();
    }

    @GetMapping("/{deliverableId}")
    @Operation(summary = "One deliverable (public: anyone; members-only: the subcommittee's insiders); ETag: its version")
    ResponseEntity<DeliverableSummary> one(@PathVariable String subcommitteeId, @PathVariable String deliverableId) {
        DeliverableSummary deliverable = readable(subcommitteeId, deliverableId);
        return ResponseEntity.ok().eTag(Versions.etag(deliverable.version())).body(deliverable);
    }

    @GetMapping("/{deliverableId}/files/{sha256}")
    @Operation(summary = "Download a deliverable's file (as an attachment, nosniff), as the deliverable is readable")
    ResponseEntity<byte[]> download(@PathVariable String subcommitteeId, @PathVariable String deliverableId,
                                    @PathVariable String sha256) {
        return files.download(readable(subcommitteeId, deliverableId).files(), PathIds.sha256(sha256));
    }

    @PostMapping
    @Operation(summary = "Its chair or the secretariat: record a deliverable. Accepts Idempotency-Key")
    @ApiResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = Written.class)))
    ResponseEntity<?> record(@PathVariable String subcommitteeId,
                             @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                             @RequestBody NewDeliverable body) {
        SubcommitteeAccess.requireRuns(subcommitteeId);
        PathIds.subcommittee(queries, subcommitteeId);
        return idempotency.run("deliverables", idempotencyKey, body, () -> {
            DeliverableId id = new DeliverableId(UUID.randomUUID().toString());
            long version = commands.send(new RecordDeliverable(id, PathIds.sid(subcommitteeId), body.title(), body.kind(),
                    body.date(), body.summary(), body.visibility(), meetings(body.meetingIds())));
            return ResponseEntity.created(URI.create("/api/v1/subcommittees/" + subcommitteeId + "/deliverables/" + id))
                                 .eTag(Versions.etag(version)).body(new Written(id.value(), version));
        });
    }

    @PutMapping("/{deliverableId}")
    @Operation(summary = "Its chair or the secretariat: correct title, kind, date, summary and meetings (all of them). Accepts If-Match")
    ResponseEntity<Written> revise(@PathVariable String subcommitteeId, @PathVariable String deliverableId,
                                   @IfMatch Long expectedVersion, @RequestBody Revision body) {
        SubcommitteeAccess.requireRuns(subcommitteeId);
        return write(deliverableId, new ReviseDeliverable(PathIds.did(deliverableId), PathIds.sid(subcommitteeId),
                expectedVersion, body.title(), body.kind(), body.date(), body.summary(), meetings(body.meetingIds())));
    }

    @PutMapping("/{deliverableId}/visibility")
    @Operation(summary = "Its chair or the secretariat: public or members-only. Accepts If-Match")
    ResponseEntity<Written> visibility(@PathVariable String subcommitteeId, @PathVariable String deliverableId,
                                       @IfMatch Long expectedVersion, @RequestBody DeliverableVisibility body) {
        SubcommitteeAccess.requireRuns(subcommitteeId);
        return write(deliverableId, new SetDeliverableVisibility(PathIds.did(deliverableId), PathIds.sid(subcommitteeId),
                expectedVersion, body.visibility()));
    }

    @PostMapping("/{deliverableId}/files")
    @Operation(summary = "Its chair or the secretariat: attach a file (multipart part \"file\"; PDF, Office, images, UTF-8 text; at most 10 MiB; its bytes must be what its name says). Accepts If-Match")
    ResponseEntity<Written> attach(@PathVariable String subcommitteeId, @PathVariable String deliverableId,
                                   @IfMatch Long expectedVersion,
                                   @RequestPart(name = "file", required = false) MultipartFile file) {
        SubcommitteeAccess.requireRuns(subcommitteeId);
        return write(deliverableId, new AttachDeliverableFile(PathIds.did(deliverableId), PathIds.sid(subcommitteeId),
                expectedVersion, FileDownloads.upload(file)));
    }

    @DeleteMapping("/{deliverableId}/files/{sha256}")
    @Operation(summary = "Its chair or the secretariat: detach a file. Accepts If-Match")
    ResponseEntity<Written> detach(@PathVariable String subcommitteeId, @PathVariable String deliverableId,
                                   @PathVariable String sha256, @IfMatch Long expectedVersion) {
        SubcommitteeAccess.requireRuns(subcommitteeId);
        return write(deliverableId, new RemoveDeliverableFile(PathIds.did(deliverableId), PathIds.sid(subcommitteeId),
                expectedVersion, PathIds.sha256(sha256)));
    }

    private DeliverableSummary readable(String subcommitteeId, String deliverableId) {
        return readable(queries, subcommitteeId, deliverableId);
    }

    /** A deliverable as the caller may read it (the API and the pages): public for anyone, members-only for insiders. */
    static DeliverableSummary readable(Queries queries, String subcommitteeId, String deliverableId) {
        SubcommitteeDetails subcommittee = PathIds.subcommittee(queries, subcommitteeId);
        DeliverableSummary deliverable = queries.optional(new FindDeliverable(PathIds.sid(subcommitteeId),
                PathIds.did(deliverableId)), DeliverableSummary.class).orElse(null);
        // not found is said only to insiders; anyone else is refused as for a members-only one
        SubcommitteeAccess.requireReader(subcommittee, deliverable == null ? Visibility.MEMBERS : deliverable.visibility());
        if (deliverable == null) {
            throw new NotFound("no such deliverable");
        }
        return deliverable;
    }

    /** Malformed meeting ids are input errors here (they are in the body, not the path). */
    private static List<MeetingId> meetings(List<String> ids) {
        if (ids == null) {
            return null;
        }
        for (String id : ids) {
            if (id == null || !id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
                throw new InvalidSubcommitteeInput("meetingIds", "lists meeting ids (UUIDs)");
            }
        }
        return ids.stream().map(MeetingId::new).toList();
    }

    private ResponseEntity<Written> write(String deliverableId, Object command) {
        return commands.write(command, version -> new Written(deliverableId, version));
    }
}
