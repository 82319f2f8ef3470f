package jp.kodoku.platform.newsletter.proposal;

import jp.kodoku.platform.newsletter.ItemContentRules;
import jp.kodoku.platform.newsletter.api.*;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * The proposals' commands with what the aggregate cannot know itself: well-formed input, the time, and the issue an
 * accepted proposal goes into ({@link IssueItems}, in the same transaction). The proposal decides its state.
 */
@Component
public class ItemProposalCommandHandler {

    public static final int REASON_MAX = 1000;

    private final Repository<ItemProposal> repository;
    private final IssueItems issueItems;
    private final Clock clock;

    @Autowired
    ItemProposalCommandHandler(Repository<ItemProposal> repository, IssueItems issueItems) {
        this(repository, issueItems, Clock.systemUTC());
    }

    public ItemProposalCommandHandler(Repository<ItemProposal> repository, IssueItems issueItems, Clock clock) {
        this.repository = repository;
        this.issueItems = issueItems;
        this.clock = clock;
    }

    @CommandHandler
    public long handle(ProposeItem command) throws Exception {
        if (command.organizationId() == null) {
            throw new InvalidNewsletterInput("organizationId", "is required");
        }
        if (command.kind() == null) {
            throw new InvalidNewsletterInput("kind", "is required (ACTIVITY_REPORT, SUPPORT_INFORMATION or EVENT)");
        }
        ItemContent content = ItemContentRules.content(command.content());
        repository.newInstance(() -> new ItemProposal(command.proposalId(), command.organizationId(), command.kind(),
                content, clock.instant()));
        return 0L;
    }

    /** The item's id is the proposal's, so the proposer's item is found in the issue by it. */
    @CommandHandler
    public long handle(AcceptProposal command) {
        if (command.issueId() == null) {
            throw new InvalidNewsletterInput("issueId", "is required");
        }
        ItemContent edited = command.content() == null ? null : ItemContentRules.content(command.content());
        Aggregate<ItemProposal> proposal = load(command.proposalId(), command.expectedVersion());
        ItemId itemId = new ItemId(command.proposalId().value());
        ProposalAccepted accepted = proposal.invoke(p -> p.accept(command.issueId(), itemId, edited, clock.instant()));
        issueItems.add(accepted.issueId(), accepted.itemId(), accepted.sectionKey(), accepted.content());
        return proposal.version();
    }

    @CommandHandler
    public long handle(DeferProposal command) {
        String reason = ItemContentRules.required("reason", command.reason(), REASON_MAX);
        return load(command.proposalId(), command.expectedVersion()).invoke(p -> p.defer(reason, clock.instant()));
    }

    @CommandHandler
    public long handle(RejectProposal command) {
        String reason = ItemContentRules.required("reason", command.reason(), REASON_MAX);
        return load(command.proposalId(), command.expectedVersion()).invoke(p -> p.reject(reason, clock.instant()));
    }

    private Aggregate<ItemProposal> load(ItemProposalId id, Long expectedVersion) {
        return repository.load(id.value(), expectedVersion);
    }
}
