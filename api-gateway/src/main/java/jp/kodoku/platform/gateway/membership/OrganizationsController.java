package jp.kodoku.platform.gateway.membership;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jp.kodoku.platform.gateway.security.Access;
import jp.kodoku.platform.gateway.web.Commands;
import jp.kodoku.platform.gateway.web.IfMatch;
import jp.kodoku.platform.gateway.web.Versions;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.membership.api.*;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Organizations as the secretariat and their own member admins manage them: decisions on applications, the member
 * lifecycle, profile and contacts, erasure, history. Every write answers with the new version as ETag.
 */
@RestController
@RequestMapping("/api/v1/organizations")
@Tag(name = "Organizations", description = "Secretariat decisions; profile and contacts of an organization")
@SecurityRequirement(name = "bearer")
class OrganizationsController {

    private final Commands commands;
    private final Queries queries;
    private final ObjectMapper json;

    OrganizationsController(Commands commands, Queries queries, ObjectMapper json) {
        this.commands = commands;
        this.queries = queries;
        this.json = json;
    }

    // ---- reads ----------------------------------------------------------------------------------------------------

    @GetMapping
    @Operation(summary = "Secretariat: organizations by state (e.g. status=APPLIED for open applications)")
    OrganizationPage list(@RequestParam(required = false) Set<OrganizationStatus> status,
                                            @RequestParam(required = false) String q,
                                            @RequestParam(required = false) String cursor,
                                            @RequestParam(defaultValue = "50") int limit) {
        Access.requireSecretariat();
        if (limit < 1 || limit > 100) {
            throw new InvalidMembershipInput(List.of(new FieldViolation("limit", "must be between 1 and 100")));
        }
        if (q != null && q.length() > 100) {
            throw new InvalidMembershipInput(List.of(new FieldViolation("q", "must be at most 100 characters")));
        }
        return queries.one(new ListOrganizations(status, q, cursor, limit), OrganizationPage.class);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Everything about one organization, contacts included (secretariat, or its own admins)")
    ResponseEntity<OrganizationDetails> one(@PathVariable String id) {
        Access.requireActsFor(id);
        OrganizationDetails details = queries.optional(new FindOrganization(new OrganizationId(id)), OrganizationDetails.class)
                                             .orElseThrow(() -> new NotFound("no such organization"));
        return ResponseEntity.ok().eTag(Versions.etag(details.version()))
                             .header(HttpHeaders.CACHE_CONTROL, "no-store").body(details);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Who changed which profile field, when, from what to what (newest first)")
    List<ProfileChange> history(@PathVariable String id, @RequestParam(defaultValue = "100") int limit) {
        Access.requireActsFor(id);
        return queries.list(new ListProfileHistory(new OrganizationId(id), null, limit), ProfileChange.class);
    }

    // ---- secretariat decisions ------------------------------------------------------------------------------------

    @PostMapping("/{id}/approval")
    @Operation(summary = "Approve an application: assigns a member number")
    ResponseEntity<MembershipRequests.Written> approve(@PathVariable String id,
                                                       @IfMatch Long expectedVersion,
                                                       @RequestBody(required = false) MembershipRequests.Approval body) {
        Access.requireSecretariat();
        return write(id, new ApproveMembershipApplication(oid(id), expectedVersion,
                body == null ? null : body.joinedOn()));
    }

    @PostMapping("/{id}/rejection")
    ResponseEntity<MembershipRequests.Written> reject(@PathVariable String id,
                                                      @IfMatch Long expectedVersion,
                                                      @Valid @RequestBody MembershipRequests.Reason body) {
        Access.requireSecretariat();
        return write(id, new RejectMembershipApplication(oid(id), expectedVersion, body.reason()));
    }

    @PostMapping("/{id}/send-back")
    @Operation(summary = "Send an application back for changes, with a comment the applicant sees")
    ResponseEntity<MembershipRequests.Written> sendBack(@PathVariable String id,
                                                        @IfMatch Long expectedVersion,
                                                        @Valid @RequestBody MembershipRequests.SendBack body) {
        Access.requireSecretariat();
        return write(id, new SendBackMembershipApplication(oid(id), expectedVersion, body.comment()));
    }

    @PostMapping("/{id}/category-change")
    ResponseEntity<MembershipRequests.Written> changeCategory(@PathVariable String id,
                                                              @IfMatch Long expectedVersion,
                                                              @Valid @RequestBody MembershipRequests.CategoryChange body) {
        Access.requireSecretariat();
        return write(id, new ChangeMemberCategory(oid(id), expectedVersion, body.category(),
                body.reason(), body.effectiveDate()));
    }

    @PostMapping("/{id}/steering-term")
    @Operation(summary = "Appoint as steering member (幹事団体)")
    ResponseEntity<MembershipRequests.Written> appointSteering(@PathVariable String id,
                                                               @IfMatch Long expectedVersion,
                                                               @Valid @RequestBody MembershipRequests.SteeringTerm body) {
        Access.requireSecretariat();
        return write(id, new AppointSteeringMember(oid(id), expectedVersion, body.termStart(),
                body.termEnd()));
    }

    @PostMapping("/{id}/steering-term/end")
    ResponseEntity<MembershipRequests.Written> endSteering(@PathVariable String id,
                                                           @IfMatch Long expectedVersion,
                                                           @Valid @RequestBody MembershipRequests.SteeringTermEnd body) {
        Access.requireSecretariat();
        return write(id, new EndSteeringMemberTerm(oid(id), expectedVersion, body.endedOn(),
                body.reason()));
    }

    @PostMapping("/{id}/suspension")
    ResponseEntity<MembershipRequests.Written> suspend(@PathVariable String id,
                                                       @IfMatch Long expectedVersion,
                                                       @Valid @RequestBody MembershipRequests.Reason body) {
        Access.requireSecretariat();
        return write(id, new SuspendMember(oid(id), expectedVersion, body.reason()));
    }

    @PostMapping("/{id}/reinstatement")
    ResponseEntity<MembershipRequests.Written> reinstate(@PathVariable String id,
                                                         @IfMatch Long expectedVersion,
                                                         @Valid @RequestBody MembershipRequests.Reason body) {
        Access.requireSecretariat();
        return write(id, new ReinstateMember(oid(id), expectedVersion, body.reason()));
    }

    @PostMapping("/{id}/withdrawal")
    @Operation(summary = "Record a withdrawal (退会), requested by the member or decided")
    ResponseEntity<MembershipRequests.Written> withdraw(@PathVariable String id,
                                                        @IfMatch Long expectedVersion,
                                                        @Valid @RequestBody MembershipRequests.Withdrawal body) {
        Access.requireSecretariat();
        return write(id, new RecordWithdrawal(oid(id), expectedVersion, body.kind(),
                body.reason(), body.effectiveDate()));
    }

    // ---- profile and contacts -------------------------------------------------------------------------------------

    @PatchMapping(path = "/{id}/profile", consumes = {"application/merge-patch+json", "application/json"})
    @Operation(summary = "Change some profile fields (JSON merge patch; null removes an optional field). Needs If-Match. "
            + "While profile moderation is on, a member admin's change to name, nameKana, website or publicDescription "
            + "becomes a proposal (proposalId, proposedFields) and the other fields take effect",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = OrganizationProfile.class,
                            description = "Only the fields to change; null removes an optional one"),
                    examples = @ExampleObject(value = "{\"website\": \"https://new.example.jp\", \"targetGroups\": [\"CHILDREN_AND_YOUTH\"]}"))))
    ResponseEntity<MembershipRequests.ProfileWritten> patchProfile(@PathVariable String id,
                                                                   @IfMatch(required = true) Long expectedVersion,
                                                                   @RequestBody JsonNode body) throws Exception {
        if (Access.requireActsFor(id).isSecretariat()) {
            return commands.write(new UpdateOrganizationProfile(oid(id), expectedVersion, toPatch(body)),
                    version -> new MembershipRequests.ProfileWritten(id, version, null, List.of()));
        }
        // a member admin's change: while moderation is on, the moderated fields become a proposal (ProfileModeration)
        ProfileChangeReceipt receipt = commands.send(new ChangeProfileAsMemberAdmin(oid(id), expectedVersion,
                toPatch(body), UUID.randomUUID().toString()), ProfileChangeReceipt.class);
        return ResponseEntity.ok().eTag(Versions.etag(receipt.version()))
                             .body(new MembershipRequests.ProfileWritten(id, receipt.version(), receipt.proposalId(),
                                     receipt.proposedFields()));
    }

    @PostMapping("/{id}/contacts")
    @ApiResponse(responseCode = "201", description = "Added")
    ResponseEntity<MembershipRequests.ContactCreated> addContact(@PathVariable String id,
                                                                 @IfMatch Long expectedVersion,
                                                                 @RequestBody ContactDetails body) {
        Access.requireActsFor(id);
        ContactId contactId = ContactId.random();
        long version = commands.send(new AddContact(oid(id), expectedVersion, contactId, body));
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + id + "/contacts/" + contactId))
                             .eTag(Versions.etag(version))
                             .body(new MembershipRequests.ContactCreated(id, contactId.value(), version));
    }

    @PutMapping("/{id}/contacts/{contactId}")
    @Operation(summary = "Replace a contact person's details. Needs If-Match")
    ResponseEntity<MembershipRequests.Written> changeContact(@PathVariable String id, @PathVariable String contactId,
                                                             @IfMatch(required = true) Long expectedVersion,
                                                             @RequestBody ContactDetails body) {
        Access.requireActsFor(id);
        return write(id, new ChangeContact(oid(id), expectedVersion, new ContactId(contactId), body));
    }

    @DeleteMapping("/{id}/contacts/{contactId}")
    ResponseEntity<MembershipRequests.Written> removeContact(@PathVariable String id, @PathVariable String contactId,
                                                             @IfMatch Long expectedVersion) {
        Access.requireActsFor(id);
        return write(id, new RemoveContact(oid(id), expectedVersion, new ContactId(contactId)));
    }

    @PutMapping("/{id}/primary-contact")
    ResponseEntity<MembershipRequests.Written> changePrimaryContact(@PathVariable String id,
                                                                    @IfMatch Long expectedVersion,
                                                                    @Valid @RequestBody MembershipRequests.PrimaryContact body) {
        Access.requireActsFor(id);
        return write(id, new ChangePrimaryContact(oid(id), expectedVersion,
                new ContactId(body.contactId())));
    }

    @PostMapping("/{id}/contacts/{contactId}/erasure")
    @Operation(summary = "Secretariat: erase a contact person's personal data for good (APPI request)")
    ResponseEntity<MembershipRequests.Written> erase(@PathVariable String id, @PathVariable String contactId,
                                                     @Valid @RequestBody(required = false) MembershipRequests.Erasure body) {
        Access.requireSecretariat();
        return write(id, new ErasePersonalData(oid(id), new ContactId(contactId),
                body == null ? null : body.reason()));
    }

    /**
     * Merge-patch semantics need to tell "absent" from "null", which a record cannot; so the body is read as a tree:
     * absent fields stay, null fields are cleared, the rest are bound with the API's strict JSON rules.
     */
    private ProfilePatch toPatch(JsonNode body) throws Exception {
        if (!(body instanceof ObjectNode object)) {
            throw new InvalidMembershipInput(List.of(new FieldViolation("body", "must be a JSON object")));
        }
        if (object.has("cleared")) {
            throw new InvalidMembershipInput(List.of(new FieldViolation("cleared", "is not a known field")));
        }
        Set<String> cleared = new HashSet<>();
        List<FieldViolation> violations = new ArrayList<>();
        ObjectNode values = object.deepCopy();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (object.get(name).isNull()) {
                cleared.add(name);
                values.remove(name);
            }
        }
        cleared.stream().filter(f -> !ProfilePatch.CLEARABLE.contains(f))
               .forEach(f -> violations.add(new FieldViolation(f, "is required and cannot be removed")));
        if (!violations.isEmpty()) {
            throw new InvalidMembershipInput(violations);
        }
        // the client may not send "cleared" itself (refused above): it is what its nulls said
        values.set("cleared", json.valueToTree(cleared));
        return json.treeToValue(values, ProfilePatch.class);
    }

    private static OrganizationId oid(String id) {
        return new OrganizationId(id);
    }

    private ResponseEntity<MembershipRequests.Written> write(String id, Object command) {
        return commands.write(command, version -> new MembershipRequests.Written(id, version));
    }
}
