package jp.kodoku.platform.gateway.newsletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.kodoku.platform.events.api.EventId;
import jp.kodoku.platform.gateway.idempotency.IdempotentRequests;
import jp.kodoku.platform.gateway.security.Access;
import jp.kodoku.platform.gateway.web.Commands;
import jp.kodoku.platform.gateway.web.IfMatch;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.gateway.web.Versions;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.newsletter.api.*;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * Items proposed by member organizations for the newsletter: a member admin proposes for its own organization and
 * follows the state; the secretariat reads the queue and accepts (into a draft issue, possibly edited), defers or
 * rejects with a reason. Also the secretariat's one step that pulls a published event into イベント案内.
 */
@RestController
@Tag(name = "Newsletter proposals", description = "Items proposed by members; published events into イベント案内")
class NewsletterProposalsController {

    private static final int ID_MAX = 80;

    private final Commands commands;
    private final Queries queries;
    private final IdempotentRequests idempotency;

    NewsletterProposalsController(Commands commands, Queries queries, IdempotentRequests idempotency) {
        this.commands = commands;
        this.queries = queries;
        this.idempotency = idempotency;
    }

    @PostMapping("/api/v1/organizations/{organizationId}/newsletter-proposals")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Member admin (own organization) or secretariat: propose an item (kind ACTIVITY_REPORT, "
            + "SUPPORT_INFORMATION or EVENT; content: title, body in the safe Markdown subset, link). Idempotency-Key "
            + "accepted")
    @ApiResponse(responseCode = "201", description = "Proposed",
            content = @Content(schema = @Schema(implementation = NewsletterRequests.ProposalWritten.class)))
    ResponseEntity<?> propose(@PathVariable String organizationId, @RequestBody NewsletterRequests.Proposal body,
                              @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Access.requireActsFor(organizationId);
        return idempotency.run("newsletter-proposals", idempotencyKey, body, () -> {
            ItemProposalId id = ItemProposalId.random();
            long version = commands.send(new ProposeItem(id, new OrganizationId(organizationId), body.kind(),
                    body.content()));
            return ResponseEntity.created(URI.create("/api/v1/newsletter/proposals/" + id)).eTag(Versions.etag(version))
                                 .body(new NewsletterRequests.ProposalWritten(id.value(), ProposalStatus.PROPOSED, version));
        });
    }

    @GetMapping("/api/v1/organizations/{organizationId}/newsletter-proposals")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Member admin (own organization) or secretariat: the organization's proposals, newest "
            + "first, with their state, the secretariat's reason and, once accepted, the text that went in")
    List<ProposalDetails> ofOrganization(@PathVariable String organizationId) {
        Access.requireActsFor(organizationId);
        return queries.list(new ListProposals(new OrganizationId(organizationId), Set.of()), ProposalDetails.class);
    }

    @GetMapping("/api/v1/newsletter/proposals")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Secretariat: the queue of proposals, newest first; filter by status (repeatable)")
    List<ProposalDetails> queue(@RequestParam(required = false) Set<ProposalStatus> status) {
        Access.requireSecretariat();
        return queries.list(new ListProposals(null, status), ProposalDetails.class);
    }

    @GetMapping("/api/v1/newsletter/proposals/{id}")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The secretariat or the proposing organization's admin: one proposal (ETag: its version)")
    ResponseEntity<ProposalDetails> one(@PathVariable String id) {
        ProposalDetails proposal = find(proposal(id));
        Access.requireActsFor(proposal.organizationId().value());
        return ResponseEntity.ok().eTag(Versions.etag(proposal.version())).body(proposal);
    }

    @PostMapping("/api/v1/newsletter/proposals/{id}/acceptance")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Secretariat: take the proposal into a draft issue under the section of its kind; content "
            + "(optional) is the edited text, the proposal's own text stays visible to the proposer")
    ResponseEntity<NewsletterRequests.ProposalWritten> accept(@PathVariable String id, @IfMatch Long expectedVersion,
                                                              @RequestBody NewsletterRequests.Acceptance body) {
        Access.requireSecretariat();
        if (body.issueId() == null || body.issueId().isBlank() || body.issueId().length() > ID_MAX) {
            throw new InvalidNewsletterInput("issueId", "is required");
        }
        ItemProposalId proposal = proposal(id);
        return commands.write(new AcceptProposal(proposal, expectedVersion, new IssueId(body.issueId()), body.content()),
                v -> new NewsletterRequests.ProposalWritten(proposal.value(), ProposalStatus.ACCEPTED, v));
    }

    @PostMapping("/api/v1/newsletter/proposals/{id}/deferral")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Secretariat: put the proposal off with a reason the proposer reads; it may be accepted later")
    ResponseEntity<NewsletterRequests.ProposalWritten> defer(@PathVariable String id, @IfMatch Long expectedVersion,
                                                             @RequestBody NewsletterRequests.Reason body) {
        Access.requireSecretariat();
        ItemProposalId proposal = proposal(id);
        return commands.write(new DeferProposal(proposal, expectedVersion, body.reason()),
                v -> new NewsletterRequests.ProposalWritten(proposal.value(), ProposalStatus.DEFERRED, v));
    }

    @PostMapping("/api/v1/newsletter/proposals/{id}/rejection")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Secretariat: decline the proposal with a reason the proposer reads")
    ResponseEntity<NewsletterRequests.ProposalWritten> reject(@PathVariable String id, @IfMatch Long expectedVersion,
                                                              @RequestBody NewsletterRequests.Reason body) {
        Access.requireSecretariat();
        ItemProposalId proposal = proposal(id);
        return commands.write(new RejectProposal(proposal, expectedVersion, body.reason()),
                v -> new NewsletterRequests.ProposalWritten(proposal.value(), ProposalStatus.REJECTED, v));
    }

    @PostMapping("/api/v1/newsletter/issues/{id}/event-items")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Secretariat: add to イベント案内 of a draft an item made from a published public event "
            + "(title, date, venue, the start of its description, a link to its page)")
    @ApiResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = NewsletterRequests.ItemWritten.class)))
    ResponseEntity<NewsletterRequests.ItemWritten> addEventItem(@PathVariable("id") String issueId, @IfMatch Long expectedVersion,
                                                                @RequestBody NewsletterRequests.EventItem body) {
        Access.requireSecretariat();
        if (body.eventId() == null || body.eventId().isBlank() || body.eventId().length() > ID_MAX) {
            throw new InvalidNewsletterInput("eventId", "is required");
        }
        ItemId itemId = ItemId.random();
        long version = commands.send(new AddEventItem(new IssueId(issueId), expectedVersion, itemId,
                new EventId(body.eventId())));
        return ResponseEntity.created(URI.create("/api/v1/newsletter/issues/" + issueId)).eTag(Versions.etag(version))
                             .body(new NewsletterRequests.ItemWritten(itemId.value(), version));
    }

    ProposalDetails find(ItemProposalId id) {
        return queries.optional(new FindProposal(id), ProposalDetails.class).orElseThrow(() -> new ProposalNotFound(id));
    }

    static ItemProposalId proposal(String id) {
        if (id == null || id.isBlank() || id.length() > ID_MAX) {
            throw new ProposalNotFound(new ItemProposalId("?"));
        }
        return new ItemProposalId(id);
    }
}
