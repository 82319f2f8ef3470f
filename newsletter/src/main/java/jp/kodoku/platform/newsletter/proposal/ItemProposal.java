package jp.kodoku.platform.newsletter.proposal;

import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.newsletter.api.*;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * An item a member organization proposed for the newsletter, on its way to the secretariat's decision: accepted into
 * an issue (as written or edited: the proposal's own text never changes, so the proposer sees both), deferred with a
 * reason (and decided later), or rejected with a reason. Accepted and rejected are final.
 */
@Aggregate
public class ItemProposal {

    @AggregateIdentifier
    private ItemProposalId id;
    private ProposalKind kind;
    private ItemContent proposed;
    private ProposalStatus status;

    protected ItemProposal() {
        // for Axon
    }

    ItemProposal(ItemProposalId id, OrganizationId organizationId, ProposalKind kind, ItemContent content, Instant now) {
        apply(new ItemProposed(id, organizationId, kind, content, now));
    }

    /** @param edited the secretariat's text, or null for the proposal's own */
    ProposalAccepted accept(IssueId issueId, ItemId itemId, ItemContent edited, Instant now) {
        requireOpen("accepted");
        ItemContent content = edited == null ? proposed : edited;
        ProposalAccepted accepted = new ProposalAccepted(id, issueId, itemId, kind.sectionKey(), content,
                !content.equals(proposed), now);
        apply(accepted);
        return accepted;
    }

    long defer(String reason, Instant now) {
        requireOpen("deferred");
        apply(new ProposalDeferred(id, reason, now));
        return getVersion();
    }

    long reject(String reason, Instant now) {
        requireOpen("rejected");
        apply(new ProposalRejected(id, reason, now));
        return getVersion();
    }

    private void requireOpen(String what) {
        if (!status.open()) {
            throw new NewsletterRuleViolation("the proposal was " + status + " already and is not " + what + " again");
        }
    }

    // ---- state ------------------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(ItemProposed e) {
        id = e.proposalId();
        kind = e.kind();
        proposed = e.content();
        status = ProposalStatus.PROPOSED;
    }

    @EventSourcingHandler
    void on(ProposalAccepted e) {
        status = ProposalStatus.ACCEPTED;
    }

    @EventSourcingHandler
    void on(ProposalDeferred e) {
        status = ProposalStatus.DEFERRED;
    }

    @EventSourcingHandler
    void on(ProposalRejected e) {
        status = ProposalStatus.REJECTED;
    }
}
