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
import java.util.List;
import java.util.regex.Pattern;

/**
 * Subcommittees (分科会): set up and closed by the secretariat, run by their chairs, joined by member organizations.
 * Every write answers with the subcommittee's new version as ETag; If-Match is optional and checked when sent.
 */
@RestController
@Tag(name = "Subcommittees", description = "分科会: lead organizations, members, requests to join, chairs")
@SecurityRequirement(name = "bearer")
class SubcommitteesController {

    /** What a subcommittee id looks like; anything else names no subcommittee (404 before any lookup). */
    private static final Pattern ID = Pattern.compile("bunkakai-[1-9][0-9]{0,2}");

    private final Commands commands;
    private final Queries queries;
    private final IdempotentRequests idempotency;

    SubcommitteesController(Commands commands, Queries queries, IdempotentRequests idempotency) {
        this.commands = commands;
        this.queries = queries;
        this.idempotency = idempotency;
    }

    // ---- reads ----------------------------------------------------------------------------------------------------

    @GetMapping("/api/v1/subcommittees")
    @Operation(summary = "Public: every subcommittee by number, with its theme and lead organizations (担当幹事団体)")
    List<SubcommitteeSummary> list() {
        return queries.list(new ListSubcommittees(null), SubcommitteeSummary.class);
    }

    @GetMapping("/api/v1/subcommittees/{subcommitteeId}")
    @Operation(summary = "Public: one subcommittee (ETag: its version)")
    ResponseEntity<SubcommitteeSummary> one(@PathVariable("subcommitteeId") String id) {
        SubcommitteeSummary summary = details(id).summary();
        return ResponseEntity.ok().eTag(Versions.etag(summary.version())).body(summary);
    }

    @GetMapping("/api/v1/subcommittees/{subcommitteeId}/members")
    @Operation(summary = "Members, open requests to join, chairs and former members (its members, its chair, the secretariat)")
    ResponseEntity<SubcommitteeDetails> members(@PathVariable("subcommitteeId") String id) {
        SubcommitteeDetails details = details(id);
        SubcommitteeAccess.requireInsider(details);
        return ResponseEntity.ok().eTag(Versions.etag(details.summary().version()))
                             .header(HttpHeaders.CACHE_CONTROL, "no-store").body(details);
    }

    @GetMapping("/api/v1/organizations/{organizationId}/subcommittees")
    @Operation(summary = "The subcommittees an organization is a member of (its member admins, the secretariat)")
    List<SubcommitteeSummary> ofOrganization(@PathVariable String organizationId) {
        Access.requireActsFor(organizationId);
        return queries.list(new ListSubcommittees(new OrganizationId(organizationId)), SubcommitteeSummary.class);
    }

    // ---- secretariat ----------------------------------------------------------------------------------------------

    @PostMapping("/api/v1/subcommittees")
    @Operation(summary = "Secretariat: set up a subcommittee; its id is bunkakai-<number>. Accepts Idempotency-Key")
    @ApiResponse(responseCode = "201", description = "Set up",
            content = @Content(schema = @Schema(implementation = SubcommitteeRequests.Written.class)))
    ResponseEntity<?> create(@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                             @RequestBody SubcommitteeRequests.NewSubcommittee body) {
        Access.requireSecretariat();
        return idempotency.run("subcommittees", idempotencyKey, body, () -> {
            int number = body.number() == null ? 0 : body.number();
            SubcommitteeId id = SubcommitteeId.ofNumber(number);
            long version = commands.send(new CreateSubcommittee(id, number, body.title(), body.theme(),
                    organizations(body.leadOrganizationIds())));
            return ResponseEntity.created(URI.create("/api/v1/subcommittees/" + id.value()))
                                 .eTag(Versions.etag(version)).body(new SubcommitteeRequests.Written(id.value(), version));
        });
    }

    @PutMapping("/api/v1/subcommittees/{subcommitteeId}/lead-organizations")
    @Operation(summary = "Secretariat: the lead organizations from now on (new ones join as members)")
    ResponseEntity<SubcommitteeRequests.Written> changeLeads(@PathVariable("subcommitteeId") String id, @IfMatch Long expectedVersion,
                                                       @RequestBody SubcommitteeRequests.LeadOrganizations body) {
        Access.requireSecretariat();
        return write(id, new ChangeLeadOrganizations(sid(id), expectedVersion, organizations(body.organizationIds())));
    }

    @PostMapping("/api/v1/subcommittees/{subcommitteeId}/closure")
    @Operation(summary = "Secretariat: close the subcommittee, with the reason")
    ResponseEntity<SubcommitteeRequests.Written> close(@PathVariable("subcommitteeId") String id, @IfMatch Long expectedVersion,
                                                       @RequestBody SubcommitteeRequests.Reason body) {
        Access.requireSecretariat();
        return write(id, new CloseSubcommittee(sid(id), expectedVersion, body.reason()));
    }

    @PostMapping("/api/v1/subcommittees/{subcommitteeId}/chairs")
    @Operation(summary = "Secretariat: appoint a chair (座長) by sign-in account; the account gets the role and the subcommittee_id claim")
    ResponseEntity<SubcommitteeRequests.Written> appointChair(@PathVariable("subcommitteeId") String id, @IfMatch Long expectedVersion,
                                                              @RequestBody SubcommitteeRequests.NewChair body) {
        Access.requireSecretariat();
        return write(id, new AppointChair(sid(id), expectedVersion, body.userId()));
    }

    @PostMapping("/api/v1/subcommittees/{subcommitteeId}/chairs/{userId}/end")
    @Operation(summary = "Secretariat: end a chair's term, with the reason; the account loses the role and the claim")
    ResponseEntity<SubcommitteeRequests.Written> endChairTerm(@PathVariable("subcommitteeId") String id, @PathVariable String userId,
                                                          @IfMatch Long expectedVersion,
                                                          @RequestBody SubcommitteeRequests.Reason body) {
        Access.requireSecretariat();
        return write(id, new EndChairTerm(sid(id), expectedVersion, userId, body.reason()));
    }

    // ---- chair (or secretariat) -----------------------------------------------------------------------------------

    @PostMapping("/api/v1/subcommittees/{subcommitteeId}/members")
    @Operation(summary = "Its chair or the secretariat: an active member organization of the platform joins")
    ResponseEntity<SubcommitteeRequests.Written> addMember(@PathVariable("subcommitteeId") String id, @IfMatch Long expectedVersion,
                                                           @RequestBody SubcommitteeRequests.NewMember body) {
        SubcommitteeAccess.requireRuns(id);
        return write(id, new AddSubcommitteeMember(sid(id), expectedVersion, organization(body.organizationId())));
    }

    @PostMapping("/api/v1/subcommittees/{subcommitteeId}/members/{organizationId}/removal")
    @Operation(summary = "Its chair or the secretariat: a member leaves, with the reason")
    ResponseEntity<SubcommitteeRequests.Written> removeMember(@PathVariable("subcommitteeId") String id, @PathVariable String organizationId,
                                                              @IfMatch Long expectedVersion,
                                                              @RequestBody SubcommitteeRequests.Reason body) {
        SubcommitteeAccess.requireRuns(id);
        return write(id, new RemoveSubcommitteeMember(sid(id), expectedVersion, organization(organizationId), body.reason()));
    }

    @PostMapping("/api/v1/subcommittees/{subcommitteeId}/membership-requests/{organizationId}/approval")
    @Operation(summary = "Its chair or the secretariat: the asking organization joins")
    ResponseEntity<SubcommitteeRequests.Written> approveRequest(@PathVariable("subcommitteeId") String id, @PathVariable String organizationId,
                                                         @IfMatch Long expectedVersion) {
        SubcommitteeAccess.requireRuns(id);
        return write(id, new ApproveSubcommitteeMembershipRequest(sid(id), expectedVersion, organization(organizationId)));
    }

    @PostMapping("/api/v1/subcommittees/{subcommitteeId}/membership-requests/{organizationId}/decline")
    @Operation(summary = "Its chair or the secretariat: decline a request to join, with the reason")
    ResponseEntity<SubcommitteeRequests.Written> declineRequest(@PathVariable("subcommitteeId") String id, @PathVariable String organizationId,
                                                         @IfMatch Long expectedVersion,
                                                         @RequestBody SubcommitteeRequests.Reason body) {
        SubcommitteeAccess.requireRuns(id);
        return write(id, new DeclineSubcommitteeMembershipRequest(sid(id), expectedVersion, organization(organizationId),
                body.reason()));
    }

    // ---- member admin ---------------------------------------------------------------------------------------------

    @PostMapping("/api/v1/subcommittees/{subcommitteeId}/membership-requests")
    @Operation(summary = "A member admin: ask for its organization to join; a chair decides")
    ResponseEntity<SubcommitteeRequests.Written> requestMembership(@PathVariable("subcommitteeId") String id,
                                                         @RequestBody SubcommitteeRequests.MembershipRequest body) {
        Access.requireActsFor(body.organizationId() == null ? "" : body.organizationId());
        return write(id, new RequestSubcommitteeMembership(sid(id), organization(body.organizationId()), body.note()));
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private ResponseEntity<SubcommitteeRequests.Written> write(String id, Object command) {
        return commands.write(command, version -> new SubcommitteeRequests.Written(id, version));
    }

    private SubcommitteeDetails details(String id) {
        return queries.optional(new FindSubcommittee(sid(id)), SubcommitteeDetails.class)
                      .orElseThrow(() -> new NotFound("no such subcommittee"));
    }

    private static SubcommitteeId sid(String id) {
        if (!ID.matcher(id).matches()) {
            throw new NotFound("no such subcommittee");
        }
        return new SubcommitteeId(id);
    }

    private static OrganizationId organization(String id) {
        return id == null ? null : new OrganizationId(id);
    }

    private static List<OrganizationId> organizations(List<String> ids) {
        return ids == null ? null : ids.stream().map(SubcommitteesController::organization).toList();
    }
}
