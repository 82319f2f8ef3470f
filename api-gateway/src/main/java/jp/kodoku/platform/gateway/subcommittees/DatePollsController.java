package jp.kodoku.platform.gateway.subcommittees;

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
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.subcommittees.api.*;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Date polls (日程調整, as in 調整さん) of a subcommittee: its chair proposes slots with a deadline, member organizations
 * answer ○/△/× per slot, the chair reads the table and confirms one slot. Slot ids are made here and never change.
 */
@RestController
@RequestMapping("/api/v1/subcommittees/{subcommitteeId}/polls")
@Tag(name = "Date polls", description = "日程調整: slots, answers ○/△/×, the table, the confirmed slot")
@SecurityRequirement(name = "bearer")
class DatePollsController {

    private static final Pattern SUBCOMMITTEE = Pattern.compile("bunkakai-[1-9][0-9]{0,2}");
    private static final Pattern POLL = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Commands commands;
    private final Queries queries;
    private final IdempotentRequests idempotency;

    DatePollsController(Commands commands, Queries queries, IdempotentRequests idempotency) {
        this.commands = commands;
        this.queries = queries;
        this.idempotency = idempotency;
    }

    record Slot(@Schema(example = "2026-06-15") LocalDate date,
                @Schema(example = "14:00", description = "Japan time; leave start and end out for a whole day") LocalTime start,
                @Schema(example = "16:00") LocalTime end) {
    }

    record NewPoll(@Schema(example = "第5回 分科会3 日程調整") String title,
                   @Schema(implementation = String.class, pattern = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?$",
                           example = "2026-06-10T17:00", description = "Local time in Japan, without an offset")
                   LocalDateTime deadline,
                   List<Slot> slots) {
    }

    record PollOpened(String pollId, List<String> slotIds, long version) {
    }

    record SlotAdded(String pollId, String slotId, long version) {
    }

    record Answers(@Schema(description = "slot id → {choice: YES (○) | MAYBE (△) | NO (×), comment}") Map<String, SlotAnswer> answers) {
    }

    record Confirmation(String slotId) {
    }

    record Written(String pollId, long version) {
    }

    // ---- reads ----------------------------------------------------------------------------------------------------

    @GetMapping
    @Operation(summary = "The subcommittee's date polls, newest first (its members, its chair, the secretariat)")
    List<DatePollSummary> list(@PathVariable String subcommitteeId) {
        SubcommitteeAccess.requireInsider(subcommittee(subcommitteeId));
        return queries.list(new ListDatePolls(sid(subcommitteeId)), DatePollSummary.class);
    }

    @GetMapping("/{pollId}")
    @Operation(summary = "The poll's table: counts per slot, every answer, who has not answered (ETag: its version)")
    ResponseEntity<DatePollTable> table(@PathVariable String subcommitteeId, @PathVariable String pollId) {
        SubcommitteeAccess.requireInsider(subcommittee(subcommitteeId));
        DatePollTable table = queries.optional(new FindDatePoll(pid(pollId)), DatePollTable.class)
                                     .filter(t -> t.subcommitteeId().equals(subcommitteeId))
                                     .orElseThrow(() -> new NotFound("no such date poll"));
        return ResponseEntity.ok().eTag(Versions.etag(table.version()))
                             .header(HttpHeaders.CACHE_CONTROL, "no-store").body(table);
    }

    // ---- chair ----------------------------------------------------------------------------------------------------

    @PostMapping
    @Operation(summary = "Its chair or the secretariat: open a poll with candidate slots and a deadline. Accepts Idempotency-Key")
    @ApiResponse(responseCode = "201", description = "Opened",
            content = @Content(schema = @Schema(implementation = PollOpened.class)))
    ResponseEntity<?> open(@PathVariable String subcommitteeId,
                           @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                           @RequestBody NewPoll body) {
        SubcommitteeAccess.requireRuns(subcommitteeId);
        subcommittee(subcommitteeId);
        return idempotency.run("date-polls", idempotencyKey, body, () -> {
            PollId poll = PollId.random();
            List<PollSlot> slots = new ArrayList<>();
            if (body.slots() != null) {
                body.slots().forEach(s -> slots.add(slot(newSlotId(), s)));
            }
            long version = commands.send(new OpenDatePoll(poll, sid(subcommitteeId), body.title(), body.deadline(),
                    body.slots() == null ? null : slots));
            return ResponseEntity.created(URI.create("/api/v1/subcommittees/" + subcommitteeId + "/polls/" + poll))
                                 .eTag(Versions.etag(version))
                                 .body(new PollOpened(poll.value(), slots.stream().map(PollSlot::slotId).toList(), version));
        });
    }

    @PostMapping("/{pollId}/slots")
    @Operation(summary = "Its chair or the secretariat: add a slot; every answer so far stays")
    @ApiResponse(responseCode = "201", description = "Added")
    ResponseEntity<SlotAdded> addSlot(@PathVariable String subcommitteeId, @PathVariable String pollId,
                                      @IfMatch Long expectedVersion, @RequestBody Slot body) {
        SubcommitteeAccess.requireRuns(subcommitteeId);
        String slotId = newSlotId();
        long version = commands.send(new AddPollSlot(pid(pollId), sid(subcommitteeId), expectedVersion, slot(slotId, body)));
        return ResponseEntity.created(URI.create("/api/v1/subcommittees/" + subcommitteeId + "/polls/" + pollId))
                             .eTag(Versions.etag(version)).body(new SlotAdded(pollId, slotId, version));
    }

    @PutMapping("/{pollId}/slots/{slotId}")
    @Operation(summary = "Its chair or the secretariat: move a slot; only its own answers are void")
    ResponseEntity<Written> changeSlot(@PathVariable String subcommitteeId, @PathVariable String pollId,
                                       @PathVariable String slotId, @IfMatch Long expectedVersion, @RequestBody Slot body) {
        SubcommitteeAccess.requireRuns(subcommitteeId);
        return write(pollId, new ChangePollSlot(pid(pollId), sid(subcommitteeId), expectedVersion, slot(slotId, body)));
    }

    @DeleteMapping("/{pollId}/slots/{slotId}")
    @Operation(summary = "Its chair or the secretariat: remove a slot; the answers to the others stay")
    ResponseEntity<Written> removeSlot(@PathVariable String subcommitteeId, @PathVariable String pollId,
                                       @PathVariable String slotId, @IfMatch Long expectedVersion) {
        SubcommitteeAccess.requireRuns(subcommitteeId);
        return write(pollId, new RemovePollSlot(pid(pollId), sid(subcommitteeId), expectedVersion, slotId));
    }

    @PostMapping("/{pollId}/confirmation")
    @Operation(summary = "Its chair or the secretariat: confirm one slot (the poll closes)")
    ResponseEntity<Written> confirm(@PathVariable String subcommitteeId, @PathVariable String pollId,
                                    @IfMatch Long expectedVersion, @RequestBody Confirmation body) {
        SubcommitteeAccess.requireRuns(subcommitteeId);
        return write(pollId, new ConfirmPollSlot(pid(pollId), sid(subcommitteeId), expectedVersion, body.slotId()));
    }

    // ---- member admin ---------------------------------------------------------------------------------------------

    @PutMapping("/{pollId}/answers/{organizationId}")
    @Operation(summary = "A member organization's answers (its member admins): slot id → ○/△/× and a comment; replaces its earlier answers")
    ResponseEntity<Written> answer(@PathVariable String subcommitteeId, @PathVariable String pollId,
                                   @PathVariable String organizationId, @RequestBody Answers body) {
        Access.requireActsFor(organizationId);
        if (!subcommittee(subcommitteeId).hasMember(organizationId)) {
            throw new SubcommitteeRuleViolation("only member organizations of the subcommittee answer its polls");
        }
        Map<String, SlotAnswer> answers = body.answers() == null ? null : new LinkedHashMap<>(body.answers());
        return write(pollId, new AnswerDatePoll(pid(pollId), sid(subcommitteeId), new OrganizationId(organizationId), answers));
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private ResponseEntity<Written> write(String pollId, Object command) {
        return commands.write(command, version -> new Written(pollId, version));
    }

    private SubcommitteeDetails subcommittee(String id) {
        return queries.optional(new FindSubcommittee(sid(id)), SubcommitteeDetails.class)
                      .orElseThrow(() -> new NotFound("no such subcommittee"));
    }

    private static PollSlot slot(String slotId, Slot body) {
        return body == null ? null : new PollSlot(slotId, body.date(), body.start(), body.end());
    }

    private static String newSlotId() {
        return UUID.randomUUID().toString();
    }

    private static SubcommitteeId sid(String id) {
        if (!SUBCOMMITTEE.matcher(id).matches()) {
            throw new NotFound("no such subcommittee");
        }
        return new SubcommitteeId(id);
    }

    private static PollId pid(String id) {
        if (!POLL.matcher(id).matches()) {
            throw new NotFound("no such date poll");
        }
        return new PollId(id);
    }
}
