package jp.kodoku.platform.gateway.membership;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.kodoku.platform.gateway.security.Access;
import jp.kodoku.platform.gateway.web.Commands;
import jp.kodoku.platform.gateway.web.IfMatch;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.gateway.web.Versions;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.membership.api.FindOrganization;
import jp.kodoku.platform.membership.api.InviteMemberAdmin;
import jp.kodoku.platform.membership.api.ListMemberAdmins;
import jp.kodoku.platform.membership.api.MemberAdmin;
import jp.kodoku.platform.membership.api.MemberAdminInvitation;
import jp.kodoku.platform.membership.api.OrganizationDetails;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.membership.api.RemoveMemberAdmin;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.net.URI;
import java.util.List;

/**
 * Who may sign in for an organization: its member admins (団体管理者), who invite and remove one another. The list is
 * read live from Keycloak, where the accounts are (a query answered in membership); invitations and removals are
 * commands, whose handler changes the accounts and records them on the organization.
 */
@RestController
@RequestMapping("/api/v1/organizations/{id}/admins")
@Tag(name = "Organization admins", description = "The accounts that act for an organization: list, invite, remove")
@SecurityRequirement(name = "bearer")
class OrganizationAdminsController {

    private final Commands commands;
    private final Queries queries;

    OrganizationAdminsController(Commands commands, Queries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    record Invitation(@Schema(example = "佐藤 健") String name, @Schema(example = "ken.sato@sakura-net.example.jp") String email) {
    }

    record Invited(String organizationId, String userId,
                   @Schema(description = "false when the address had an account already, which now acts for this organization too")
                   boolean created,
                   @Schema(description = "whether the e-mail to set a password went out") boolean invitationSent,
                   long version) {
    }

    @GetMapping
    @Operation(summary = "The organization's admins (secretariat, or its own admins)")
    ResponseEntity<List<MemberAdmin>> list(@PathVariable String id) {
        Access.requireActsFor(id);
        queries.optional(new FindOrganization(new OrganizationId(id)), OrganizationDetails.class)
               .orElseThrow(() -> new NotFound("no such organization"));
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(admins(id));
    }

    @PostMapping
    @Operation(summary = "Invite another admin: a Keycloak account and an e-mail to set a password (active members only)")
    @ApiResponse(responseCode = "201", description = "Invited")
    ResponseEntity<Invited> invite(@PathVariable String id, @IfMatch Long expectedVersion, @RequestBody Invitation body) {
        Access.requireActsFor(id);
        MemberAdminInvitation invitation = commands.send(new InviteMemberAdmin(new OrganizationId(id), expectedVersion,
                body.name(), body.email()), MemberAdminInvitation.class);
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + id + "/admins/" + invitation.userId()))
                             .eTag(Versions.etag(invitation.version()))
                             .body(new Invited(id, invitation.userId(), invitation.created(),
                                     invitation.invitationSent(), invitation.version()));
    }

    @DeleteMapping("/{userId}")
    @Operation(summary = "Remove an admin of the organization; the last one cannot be removed (409)")
    ResponseEntity<MembershipRequests.Written> remove(@PathVariable String id, @PathVariable String userId,
                                                      @IfMatch Long expectedVersion) {
        Access.requireActsFor(id);
        if (admins(id).stream().noneMatch(admin -> admin.id().equals(userId))) {
            throw new NotFound("no admin " + userId + " acts for this organization");
        }
        return commands.write(new RemoveMemberAdmin(new OrganizationId(id), expectedVersion, userId),
                version -> new MembershipRequests.Written(id, version));
    }

    private List<MemberAdmin> admins(String organizationId) {
        return queries.list(new ListMemberAdmins(new OrganizationId(organizationId)), MemberAdmin.class);
    }
}
