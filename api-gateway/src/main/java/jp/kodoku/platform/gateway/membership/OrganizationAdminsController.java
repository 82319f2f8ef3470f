package jp.kodoku.platform.gateway.membership;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jp.kodoku.platform.gateway.security.Access;
import jp.kodoku.platform.gateway.security.Caller;
import jp.kodoku.platform.gateway.web.Commands;
import jp.kodoku.platform.gateway.web.CorrelationIdFilter;
import jp.kodoku.platform.gateway.web.NotFound;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.gateway.web.Versions;
import jp.kodoku.platform.infra.audit.AuditMetadata;
import jp.kodoku.platform.infra.identity.MemberAccounts;
import jp.kodoku.platform.membership.api.FindOrganization;
import jp.kodoku.platform.membership.api.InviteMemberAdmin;
import jp.kodoku.platform.membership.api.MemberAdminInvitation;
import jp.kodoku.platform.membership.api.OrganizationDetails;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.membership.api.RemoveMemberAdmin;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.net.URI;
import java.util.List;

/**
 * Who may sign in for an organization: its member admins (団体管理者), who invite and remove one another. The list is
 * read live from Keycloak, where the accounts are; invitations and removals are also recorded on the organization.
 */
@RestController
@RequestMapping("/api/v1/organizations/{id}/admins")
@Tag(name = "Organization admins", description = "The accounts that act for an organization: list, invite, remove")
@SecurityRequirement(name = "bearer")
class OrganizationAdminsController {

    private final Commands commands;
    private final CommandGateway gateway;
    private final Queries queries;
    private final MemberAccounts accounts;

    OrganizationAdminsController(Commands commands, CommandGateway gateway, Queries queries, MemberAccounts accounts) {
        this.commands = commands;
        this.gateway = gateway;
        this.queries = queries;
        this.accounts = accounts;
    }

    record Invitation(@Schema(example = "佐藤 健") String name, @Schema(example = "ken.sato@sakura-net.example.jp") String email) {
    }

    record Invited(String organizationId, String userId,
                   @Schema(description = "false when the address had an account already, which now acts for this organization too")
                   boolean created,
                   @Schema(description = "whether the e-mail to set a password went out") boolean invitationSent,
                   long version) {
    }

    record Admin(String id, String username, String email, boolean enabled,
                 @Schema(description = "what the person still has to do, e.g. UPDATE_PASSWORD, VERIFY_EMAIL")
                 List<String> pendingActions) {

        static Admin of(MemberAccounts.Account account) {
            return new Admin(account.id(), account.username(), account.email(), account.enabled(),
                    account.pendingActions());
        }
    }

    @GetMapping
    @Operation(summary = "The organization's admins (secretariat, or its own admins)")
    ResponseEntity<List<Admin>> list(@PathVariable String id) {
        Access.requireActsFor(id);
        queries.optional(new FindOrganization(new OrganizationId(id)), OrganizationDetails.class)
               .orElseThrow(() -> new NotFound("no such organization"));
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                             .body(accounts.admins(id).stream().map(Admin::of).toList());
    }

    @PostMapping
    @Operation(summary = "Invite another admin: a Keycloak account and an e-mail to set a password (active members only)")
    ResponseEntity<Invited> invite(@PathVariable String id,
                                   @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                   @RequestBody Invitation body, HttpServletRequest request) {
        Caller caller = Access.requireActsFor(id);
        // Sent directly rather than through Commands, which answers a version only: the answer holds the account id.
        MemberAdminInvitation invitation = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(
                new InviteMemberAdmin(new OrganizationId(id), Versions.fromIfMatch(ifMatch), body.name(), body.email()))
                .andMetaData(AuditMetadata.of(caller.principal(), CorrelationIdFilter.of(request))));
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + id + "/admins/" + invitation.userId()))
                             .eTag(Versions.etag(invitation.version()))
                             .body(new Invited(id, invitation.userId(), invitation.created(),
                                     invitation.invitationSent(), invitation.version()));
    }

    @DeleteMapping("/{userId}")
    @Operation(summary = "Remove an admin of the organization; the last one cannot be removed (409)")
    ResponseEntity<MembershipRequests.Written> remove(@PathVariable String id, @PathVariable String userId,
                                                      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Access.requireActsFor(id);
        if (accounts.admins(id).stream().noneMatch(admin -> admin.id().equals(userId))) {
            throw new NotFound("no admin " + userId + " acts for this organization");
        }
        long version = commands.send(new RemoveMemberAdmin(new OrganizationId(id), Versions.fromIfMatch(ifMatch), userId));
        return ResponseEntity.ok().eTag(Versions.etag(version)).body(new MembershipRequests.Written(id, version));
    }
}
