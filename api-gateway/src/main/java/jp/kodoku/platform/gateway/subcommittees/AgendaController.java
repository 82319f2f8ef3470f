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
import java.util.List;
import java.util.UUID;

/**
 * A meeting's agenda (議事次第): ordered items, each with a presenter organization (a member) and files. Its chair and
 * the secretariat write it; the subcommittee's insiders read it with the meeting and download its files, and anyone
 * downloads the files of a meeting marked public.
 */
@RestController
@RequestMapping("/api/v1/subcommittees/{subcommitteeId}/meetings/{meetingId}")
@Tag(name = "Agenda", description = "議事次第 of a meeting")
@SecurityRequirement(name = "bearer")
class AgendaController {

    private final Commands commands;
    private final Queries queries;
    private final IdempotentRequests idempotency;
    private final FileDownloads files;

    AgendaController(Commands commands, Queries queries, IdempotentRequests idempotency, FileDownloads files) {
        this.commands = commands;
        this.queries = queries;
        this.idempotency = idempotency;
        this.files = files;
    }

    record Item(@Schema(example = "相談支援の連携事例の報告", description = "Required, at most 200 characters") String title,
                @Schema(description = "A member organization of the subcommittee, or left out") String presenterOrganizationId) {
    }

    record ItemAdded(String meetingId, String itemId, long version) {
    }

    record Order(@Schema(description = "Every item id of the agenda once, in the new order") List<String> itemIds) {
    }

    record Written(String meetingId, long version) {
    }

    @PostMapping("/agenda")
    @Operation(summary = "Its chair or the secretariat: add an item at the end of the agenda. Accepts If-Match and Idempotency-Key")
    @ApiResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = ItemAdded.class)))
    ResponseEntity<?> add(@PathVariable String subcommitteeId, @PathVariable String meetingId, @IfMatch Long expectedVersion,
                          @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                          @RequestBody Item body) {
        SubcommitteeAccess.requireRuns(subcommitteeId);
        OrganizationRef presenter = presenter(subcommitteeId, body);
        return idempotency.run("agenda-items", idempotencyKey, body, () -> {
            AgendaItemId item = new AgendaItemId(UUID.randomUUID().toString());
            long version = commands.send(new AddAgendaItem(PathIds.mid(meetingId), PathIds.sid(subcommitteeId),
                    expectedVersion, item, body.title(), presenter));
            return ResponseEntity.created(URI.create("/api/v1/subcommittees/" + subcommitteeId + "/meetings/" + meetingId))
                                 .eTag(Versions.etag(version)).body(new ItemAdded(meetingId, item.value(), version));
        });
    }

    @PutMapping("/agenda/{itemId}")
    @Operation(summary = "Its chair or the secretariat: the item's title and presenter (a presenter left out is none). Accepts If-Match")
    ResponseEntity<Written> change(@PathVariable String subcommitteeId, @PathVariable String meetingId,
                                   @PathVariable String itemId, @IfMatch Long expectedVersion, @RequestBody Item body) {
        SubcommitteeAccess.requireRuns(subcommitteeId);
        return write(meetingId, new ChangeAgendaItem(PathIds.mid(meetingId), PathIds.sid(subcommitteeId), expectedVersion,
                PathIds.item(itemId), body.title(), presenter(subcommitteeId, body)));
    }

    @DeleteMapping("/agenda/{itemId}")
    @Operation(summary = "Its chair or the secretariat: take the item off the agenda. Accepts If-Match")
    ResponseEntity<Written> remove(@PathVariable String subcommitteeId, @PathVariable String meetingId,
                                   @PathVariable String itemId, @IfMatch Long expectedVersion) {
        SubcommitteeAccess.requireRuns(subcommitteeId);
        return write(meetingId, new RemoveAgendaItem(PathIds.mid(meetingId), PathIds.sid(subcommitteeId), expectedVersion,
                PathIds.item(itemId)));
    }

    @PutMapping("/agenda-order")
    @Operation(summary = "Its chair or the secretariat: put the agenda in a new order (every item once). Accepts If-Match")
    ResponseEntity<Written> reorder(@PathVariable String subcommitteeId, @PathVariable String meetingId,
                                    @IfMatch Long expectedVersion, @RequestBody Order body) {
        SubcommitteeAccess.requireRuns(subcommitteeId);
        List<AgendaItemId> order = body.itemIds() == null ? null
                : body.itemIds().stream().map(id -> id == null ? null : new AgendaItemId(id)).toList();
        return write(meetingId, new ReorderAgenda(PathIds.mid(meetingId), PathIds.sid(subcommitteeId), expectedVersion, order));
    }

    @PostMapping("/agenda/{itemId}/files")
    @Operation(summary = "Its chair or the secretariat: attach a file (multipart part \"file\"; PDF, Office, images, UTF-8 text; at most 10 MiB; its bytes must be what its name says). Accepts If-Match")
    ResponseEntity<Written> attach(@PathVariable String subcommitteeId, @PathVariable String meetingId,
                                   @PathVariable String itemId, @IfMatch Long expectedVersion,
                                   @RequestPart(name = "file", required = false) MultipartFile file) {
        SubcommitteeAccess.requireRuns(subcommitteeId);
        return write(meetingId, new AttachAgendaFile(PathIds.mid(meetingId), PathIds.sid(subcommitteeId), expectedVersion,
                PathIds.item(itemId), FileDownloads.upload(file)));
    }

    @DeleteMapping("/agenda/{itemId}/files/{sha256}")
    @Operation(summary = "Its chair or the secretariat: detach a file from the item. Accepts If-Match")
    ResponseEntity<Written> detach(@PathVariable String subcommitteeId, @PathVariable String meetingId,
                                   @PathVariable String itemId, @PathVariable String sha256, @IfMatch Long expectedVersion) {
        SubcommitteeAccess.requireRuns(subcommitteeId);
        return write(meetingId, new RemoveAgendaFile(PathIds.mid(meetingId), PathIds.sid(subcommitteeId), expectedVersion,
                PathIds.item(itemId), PathIds.sha256(sha256)));
    }

    @GetMapping("/agenda/{itemId}/files/{sha256}")
    @Operation(summary = "Download an agenda file (as an attachment, nosniff): the subcommittee's insiders, anyone for a public meeting")
    ResponseEntity<byte[]> download(@PathVariable String subcommitteeId, @PathVariable String meetingId,
                                    @PathVariable String itemId, @PathVariable String sha256) {
        return files.download(readableItem(queries, subcommitteeId, meetingId, itemId).files(), PathIds.sha256(sha256));
    }

    /**
     * An agenda item whose files the caller may download: anyone's for a public meeting, the subcommittee's insiders'
     * otherwise (the API's download and the pages' alike).
     */
    static AgendaItem readableItem(Queries queries, String subcommitteeId, String meetingId, String itemId) {
        SubcommitteeDetails subcommittee = PathIds.subcommittee(queries, subcommitteeId);
        MeetingDetails meeting = queries.optional(new FindMeeting(PathIds.sid(subcommitteeId), PathIds.mid(meetingId)),
                MeetingDetails.class).orElse(null);
        // not found is said only to insiders; anyone else is refused as for a members-only meeting
        SubcommitteeAccess.requireReader(subcommittee, meeting != null && meeting.publicMeeting() ? Visibility.PUBLIC
                : Visibility.MEMBERS);
        if (meeting == null) {
            throw new NotFound("no such meeting");
        }
        return meeting.agenda().stream().filter(i -> i.itemId().equals(PathIds.item(itemId).value()))
                      .findFirst().orElseThrow(() -> new NotFound("no such agenda item"));
    }

    private OrganizationRef presenter(String subcommitteeId, Item body) {
        if (body.presenterOrganizationId() == null) {
            return null;
        }
        return Presenters.member(PathIds.subcommittee(queries, subcommitteeId), body.presenterOrganizationId(),
                "presenterOrganizationId");
    }

    private ResponseEntity<Written> write(String meetingId, Object command) {
        return commands.write(command, version -> new Written(meetingId, version));
    }
}
