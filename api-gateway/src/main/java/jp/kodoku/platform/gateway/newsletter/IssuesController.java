package jp.kodoku.platform.gateway.newsletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.kodoku.platform.gateway.idempotency.IdempotentRequests;
import jp.kodoku.platform.gateway.security.Access;
import jp.kodoku.platform.gateway.web.Commands;
import jp.kodoku.platform.gateway.web.IfMatch;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.gateway.web.Versions;
import jp.kodoku.platform.membership.api.FieldOfActivity;
import jp.kodoku.platform.membership.api.MemberCategory;
import jp.kodoku.platform.membership.api.TargetGroup;
import jp.kodoku.platform.newsletter.api.*;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * The secretariat's newsletter issues (号): drafting, sections and items, scheduling to a segment (with the recipient
 * count), returning to draft, cancelling, a preview and a test send, sending at once, and the sending's progress.
 * Every write on an issue takes If-Match and answers the new version as ETag; creating writes accept Idempotency-Key.
 */
@RestController
@SecurityRequirement(name = "bearer")
@Tag(name = "Newsletter issues", description = "The secretariat's mail magazine: issues, items, segments, sending")
class IssuesController {

    private static final String ISSUES = "/api/v1/newsletter/issues";
    private static final int ID_MAX = 80;

    private final Commands commands;
    private final Queries queries;
    private final IdempotentRequests idempotency;

    IssuesController(Commands commands, Queries queries, IdempotentRequests idempotency) {
        this.commands = commands;
        this.queries = queries;
        this.idempotency = idempotency;
    }

    // ---- reads ------------------------------------------------------------------------------------------------------

    @GetMapping(ISSUES)
    @Operation(summary = "Secretariat: issues in these states (all when none is given), newest planned send time first")
    List<IssueSummary> list(@RequestParam(name = "status", required = false) Set<IssueStatus> statuses) {
        Access.requireSecretariat();
        return queries.list(new ListIssues(statuses), IssueSummary.class);
    }

    @GetMapping(ISSUES + "/{id}")
    @Operation(summary = "Secretariat: one issue with its sections and items (each body as written and rendered to "
            + "HTML and text), its segment once scheduled, and its version as ETag")
    ResponseEntity<IssueDetails> one(@PathVariable String id) {
        Access.requireSecretariat();
        IssueDetails issue = find(id);
        return ResponseEntity.ok().eTag(Versions.etag(issue.version())).body(issue);
    }

    @GetMapping(ISSUES + "/{id}/preview")
    @Operation(summary = "Secretariat: the issue's mail as a recipient would get it now: subject, HTML and text "
            + "bodies, unsubscribe headers (with a placeholder token). audience=PUBLIC: as a public subscriber gets it, "
            + "without members-only items; otherwise as a member's contact")
    IssuePreview preview(@PathVariable String id, @RequestParam(required = false) Audience audience) {
        Access.requireSecretariat();
        return queries.optional(new FindIssuePreview(issueId(id), audience), IssuePreview.class)
                      .orElseThrow(() -> new IssueNotFound(new IssueId(id)));
    }

    @GetMapping(ISSUES + "/{id}/sending")
    @Operation(summary = "Secretariat: how far the issue's sending has come: recipients, sent (accepted by the mail "
            + "server), failed (given up, with the reasons), pending, the rate so far and the estimated end. 404 "
            + "before it started")
    SendingProgress progress(@PathVariable String id) {
        Access.requireSecretariat();
        return queries.optional(new FindSendingProgress(issueId(id)), SendingProgress.class)
                      .orElseThrow(() -> new IssueNotFound(new IssueId(id)));
    }

    @GetMapping("/api/v1/newsletter/recipient-count")
    @Operation(summary = "Secretariat: how many recipients a segment reaches now (deduplication by address happens when "
            + "sending starts, so this may count one person twice). audience ALL, MEMBERS or PUBLIC; the filters narrow "
            + "members' contacts (audience MEMBERS): any value of a filter matches, all filters given must")
    IssuesRequests.RecipientCount recipientCount(@RequestParam(required = false) Audience audience,
                                                 @RequestParam(name = "category", required = false) Set<MemberCategory> categories,
                                                 @RequestParam(name = "prefecture", required = false) Set<String> prefectures,
                                                 @RequestParam(name = "field", required = false) Set<FieldOfActivity> fields,
                                                 @RequestParam(name = "targetGroup", required = false) Set<TargetGroup> targetGroups) {
        Access.requireSecretariat();
        Segment segment = new Segment(audience, categories, prefectures, fields, targetGroups);
        return new IssuesRequests.RecipientCount(segment, queries.one(new CountRecipients(segment), Long.class));
    }

    // ---- the issue --------------------------------------------------------------------------------------------------

    @PostMapping(ISSUES)
    @Operation(summary = "Secretariat: start an issue as a draft with the five default sections (Idempotency-Key "
            + "accepted); its number (第N号) comes when it starts going out")
    @ApiResponse(responseCode = "201", description = "Created as DRAFT",
            content = @Content(schema = @Schema(implementation = IssuesRequests.Created.class)))
    ResponseEntity<?> create(@RequestBody IssuesRequests.IssueHeading body,
                             @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Access.requireSecretariat();
        return idempotency.run("newsletter-issues", idempotencyKey, body, () -> {
            IssueId id = IssueId.random();
            long version = commands.send(new DraftIssue(id, body.subject(), body.plannedSendAt()));
            return ResponseEntity.created(URI.create(ISSUES + "/" + id)).eTag(Versions.etag(version))
                                 .body(new IssuesRequests.Created(id.value(), IssueStatus.DRAFT.name(), version));
        });
    }

    @PutMapping(ISSUES + "/{id}")
    @Operation(summary = "Secretariat: a draft's subject and planned send time. Needs If-Match")
    ResponseEntity<IssuesRequests.Written> revise(@PathVariable String id, @IfMatch(required = true) Long expectedVersion,
                                                  @RequestBody IssuesRequests.IssueHeading body) {
        Access.requireSecretariat();
        return write(id, new ReviseIssue(issueId(id), expectedVersion, body.subject(), body.plannedSendAt()));
    }

    @PostMapping(ISSUES + "/{id}/sections")
    @Operation(summary = "Secretariat: add a section of the secretariat's own after the others (its key is section-N)")
    ResponseEntity<IssuesRequests.Written> addSection(@PathVariable String id, @IfMatch Long expectedVersion,
                                                      @RequestBody IssuesRequests.SectionTitle body) {
        Access.requireSecretariat();
        return write(id, new AddSection(issueId(id), expectedVersion, body.title()));
    }

    @DeleteMapping(ISSUES + "/{id}/sections/{sectionKey}")
    @Operation(summary = "Secretariat: remove an empty section")
    ResponseEntity<IssuesRequests.Written> removeSection(@PathVariable String id, @PathVariable String sectionKey,
                                                         @IfMatch Long expectedVersion) {
        Access.requireSecretariat();
        return write(id, new RemoveSection(issueId(id), expectedVersion, sectionKey));
    }

    @PostMapping(ISSUES + "/{id}/items")
    @Operation(summary = "Secretariat: add an item at the end of a section: title, body in the safe subset of "
            + "Markdown (docs/api.md), an optional http(s) link, members-only or not (Idempotency-Key accepted)")
    @ApiResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = IssuesRequests.ItemCreated.class)))
    ResponseEntity<?> addItem(@PathVariable String id, @IfMatch Long expectedVersion,
                              @RequestBody IssuesRequests.NewItem body,
                              @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Access.requireSecretariat();
        IssueId issue = issueId(id);
        return idempotency.run("newsletter-items", idempotencyKey, body, () -> {
            ItemId item = ItemId.random();
            long version = commands.send(new AddItem(issue, expectedVersion, item, body.sectionKey(), body.content()));
            return ResponseEntity.created(URI.create(ISSUES + "/" + id + "/items/" + item)).eTag(Versions.etag(version))
                                 .body(new IssuesRequests.ItemCreated(id, item.value(), version));
        });
    }

    @PutMapping(ISSUES + "/{id}/items/{itemId}")
    @Operation(summary = "Secretariat: replace an item's content")
    ResponseEntity<IssuesRequests.Written> reviseItem(@PathVariable String id, @PathVariable String itemId,
                                                      @IfMatch Long expectedVersion,
                                                      @RequestBody IssuesRequests.RevisedItem body) {
        Access.requireSecretariat();
        return write(id, new ReviseItem(issueId(id), expectedVersion, itemId(itemId), body.content()));
    }

    @PostMapping(ISSUES + "/{id}/items/{itemId}/position")
    @Operation(summary = "Secretariat: move an item to a position (0 = first) of a section, the same or another")
    ResponseEntity<IssuesRequests.Written> moveItem(@PathVariable String id, @PathVariable String itemId,
                                                    @IfMatch Long expectedVersion,
                                                    @RequestBody IssuesRequests.Position body) {
        Access.requireSecretariat();
        if (body.position() == null) {
            throw new InvalidNewsletterInput("position", "is required");
        }
        return write(id, new MoveItem(issueId(id), expectedVersion, itemId(itemId), body.sectionKey(), body.position()));
    }

    @DeleteMapping(ISSUES + "/{id}/items/{itemId}")
    @Operation(summary = "Secretariat: remove an item from a draft")
    ResponseEntity<IssuesRequests.Written> removeItem(@PathVariable String id, @PathVariable String itemId,
                                                      @IfMatch Long expectedVersion) {
        Access.requireSecretariat();
        return write(id, new RemoveItem(issueId(id), expectedVersion, itemId(itemId)));
    }

    // ---- on its way -------------------------------------------------------------------------------------------------

    @PostMapping(ISSUES + "/{id}/scheduling")
    @Operation(summary = "Secretariat: schedule a draft with items for its planned send time (which must lie ahead), "
            + "to a segment; answers how many recipients the segment reaches now. It starts going out at that time "
            + "(db-scheduler), or at once with POST …/sending")
    ResponseEntity<IssuesRequests.Scheduled> schedule(@PathVariable String id, @IfMatch Long expectedVersion,
                                                      @RequestBody IssuesRequests.Scheduling body) {
        Access.requireSecretariat();
        ScheduleIssue command = new ScheduleIssue(issueId(id), expectedVersion, body.segment());
        long version = commands.send(command);
        long recipients = queries.one(new CountRecipients(command.segment()), Long.class);
        return ResponseEntity.ok().eTag(Versions.etag(version))
                             .body(new IssuesRequests.Scheduled(id, version, recipients));
    }

    @PostMapping(ISSUES + "/{id}/return-to-draft")
    @Operation(summary = "Secretariat: take a scheduled issue back to draft, to edit it; it is not sent meanwhile")
    ResponseEntity<IssuesRequests.Written> returnToDraft(@PathVariable String id, @IfMatch Long expectedVersion) {
        Access.requireSecretariat();
        return write(id, new ReturnIssueToDraft(issueId(id), expectedVersion));
    }

    @PostMapping(ISSUES + "/{id}/cancellation")
    @Operation(summary = "Secretariat: cancel a draft or scheduled issue, with a reason; it never goes out")
    ResponseEntity<IssuesRequests.Written> cancel(@PathVariable String id, @IfMatch Long expectedVersion,
                                                  @RequestBody IssuesRequests.Reason body) {
        Access.requireSecretariat();
        return write(id, new CancelIssue(issueId(id), expectedVersion, body.reason()));
    }

    @PostMapping(ISSUES + "/{id}/sending")
    @Operation(summary = "Secretariat: send a scheduled issue now instead of at its planned time: it takes its number "
            + "and its recipients' mails are written at once, one per address, then sent at the configured rate. "
            + "Follow it with GET …/sending. Twice changes nothing")
    @ApiResponse(responseCode = "202", description = "Started; the mails go out in the background")
    ResponseEntity<IssuesRequests.Written> sendNow(@PathVariable String id, @IfMatch Long expectedVersion) {
        Access.requireSecretariat();
        long version = commands.send(new StartSendingIssue(issueId(id), expectedVersion, true));
        return ResponseEntity.status(HttpStatus.ACCEPTED).eTag(Versions.etag(version))
                             .body(new IssuesRequests.Written(id, version));
    }

    @PostMapping(ISSUES + "/{id}/test-sending")
    @Operation(summary = "Secretariat: mail the issue as it stands now to 1–10 addresses, marked as a test "
            + "(Idempotency-Key accepted); it changes nothing of the issue")
    @ApiResponse(responseCode = "202", description = "The test mails are on their way",
            content = @Content(schema = @Schema(implementation = IssuesRequests.TestSent.class)))
    ResponseEntity<?> testSend(@PathVariable String id, @RequestBody IssuesRequests.TestSending body,
                               @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Access.requireSecretariat();
        IssueId issue = issueId(id);
        return idempotency.run("newsletter-test-sendings", idempotencyKey, body, () -> {
            Integer mails = commands.send(new SendTestIssue(issue, body.addresses()), Integer.class);
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(new IssuesRequests.TestSent(mails));
        });
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private IssueDetails find(String id) {
        return queries.optional(new FindIssue(issueId(id)), IssueDetails.class)
                      .orElseThrow(() -> new IssueNotFound(new IssueId(id)));
    }

    private ResponseEntity<IssuesRequests.Written> write(String id, Object command) {
        return commands.write(command, version -> new IssuesRequests.Written(id, version));
    }

    private static IssueId issueId(String id) {
        if (id == null || id.isBlank() || id.length() > ID_MAX) {
            throw new IssueNotFound(new IssueId(String.valueOf(id)));
        }
        return new IssueId(id);
    }

    private static ItemId itemId(String id) {
        if (id == null || id.isBlank() || id.length() > ID_MAX) {
            throw new ItemNotFound(new ItemId(String.valueOf(id)));
        }
        return new ItemId(id);
    }
}
