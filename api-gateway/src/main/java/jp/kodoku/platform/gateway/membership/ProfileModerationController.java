package jp.kodoku.platform.gateway.membership;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.kodoku.platform.gateway.security.Access;
import jp.kodoku.platform.gateway.security.Caller;
import jp.kodoku.platform.gateway.web.Commands;
import jp.kodoku.platform.gateway.web.IfMatch;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.gateway.web.Versions;
import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.membership.api.*;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.*;

import java.util.List;

/**
 * Moderated profile changes: the secretariat's switch "changes need approval" for the public free-text fields, its
 * queue of pending proposals and its decisions; an organization's own proposals and their outcomes. The proposals
 * themselves are made by the profile PATCH of a member admin (OrganizationsController).
 */
@RestController
@Tag(name = "Profile moderation", description = "Changes to public profile text that wait for the secretariat's approval")
@SecurityRequirement(name = "bearer")
class ProfileModerationController {

    private final Commands commands;
    private final Queries queries;

    ProfileModerationController(Commands commands, Queries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    record Switch(@NotNull @Schema(description = "true: a member admin's change to the fields needs approval")
                  Boolean enabled) {
    }

    record Switched(boolean enabled, long version) {
    }

    record Approval(@Size(max = 2000) @Schema(example = "確認しました。") String note) {
    }

    record Rejection(@NotBlank @Size(max = 2000) @Schema(example = "団体名の変更を確認できる書類をお送りください。")
                     String reason) {
    }

    @GetMapping("/api/v1/settings/profile-moderation")
    @Operation(summary = "Whether member admins' changes to name, reading, website and public description need approval "
            + "(secretariat and member admins)")
    ResponseEntity<ProfileModerationState> setting() {
        Caller caller = Caller.current();
        if (!caller.isSecretariat() && !caller.roles().contains(Caller.MEMBER_ADMIN)) {
            throw new AccessDeniedException("only the secretariat and member admins may read this setting");
        }
        ProfileModerationState state = queries.one(new FindProfileModeration(), ProfileModerationState.class);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store");
        return (state.version() >= 0 ? ok.eTag(Versions.etag(state.version())) : ok).body(state);
    }

    @PutMapping("/api/v1/settings/profile-moderation")
    @Operation(summary = "Secretariat: switch moderation on or off. Proposals already made stay pending either way")
    ResponseEntity<Switched> switchModeration(@IfMatch Long expectedVersion, @Valid @RequestBody Switch body) {
        Access.requireSecretariat();
        long version = commands.send(new SwitchProfileModeration(body.enabled(), expectedVersion));
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        return (version >= 0 ? ok.eTag(Versions.etag(version)) : ok).body(new Switched(body.enabled(), version));
    }

    @GetMapping("/api/v1/profile-proposals")
    @Operation(summary = "Secretariat: the pending proposals of every organization, oldest first, with from → to per field")
    ProfileProposalPage queue(@RequestParam(required = false) String cursor,
                              @RequestParam(defaultValue = "50") int limit) {
        Access.requireSecretariat();
        if (limit < 1 || limit > 100) {
            throw new InvalidMembershipInput(List.of(new FieldViolation("limit", "must be between 1 and 100")));
        }
        return queries.one(new ListPendingProfileChanges(cursor, limit), ProfileProposalPage.class);
    }

    @GetMapping("/api/v1/organizations/{id}/profile-proposals")
    @Operation(summary = "An organization's proposals, pending and decided, newest first (secretariat, or its own admins)")
    ResponseEntity<List<ProfileProposal>> proposals(@PathVariable String id) {
        Access.requireActsFor(id);
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                             .body(queries.list(new ListProfileChangeProposals(new OrganizationId(id)), ProfileProposal.class));
    }

    @PostMapping("/api/v1/organizations/{id}/profile-proposals/{proposalId}/approval")
    @Operation(summary = "Secretariat: publish a pending proposal. 409 duplicate-organization when another organization "
            + "has the proposed name by then (the proposal stays pending)")
    ResponseEntity<MembershipRequests.Written> approve(@PathVariable String id, @PathVariable String proposalId,
                                                       @IfMatch Long expectedVersion,
                                                       @Valid @RequestBody(required = false) Approval body) {
        Access.requireSecretariat();
        return commands.write(new ApproveProfileChange(new OrganizationId(id), expectedVersion, proposalId,
                body == null ? null : body.note()), version -> new MembershipRequests.Written(id, version));
    }

    @PostMapping("/api/v1/organizations/{id}/profile-proposals/{proposalId}/rejection")
    @Operation(summary = "Secretariat: refuse a pending proposal, with the reason the member admin sees")
    ResponseEntity<MembershipRequests.Written> reject(@PathVariable String id, @PathVariable String proposalId,
                                                      @IfMatch Long expectedVersion,
                                                      @Valid @RequestBody Rejection body) {
        Access.requireSecretariat();
        return commands.write(new RejectProfileChange(new OrganizationId(id), expectedVersion, proposalId,
                body.reason()), version -> new MembershipRequests.Written(id, version));
    }
}
