package jp.kodoku.platform.newsletter.proposal;

import jp.kodoku.platform.newsletter.api.AddItem;
import jp.kodoku.platform.newsletter.api.IssueId;
import jp.kodoku.platform.newsletter.api.ItemContent;
import jp.kodoku.platform.newsletter.api.ItemId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Adds the item with the issue's own command, sent from inside the proposal's command: Axon runs it in a nested unit
 * of work within the same transaction, so the acceptance and the added item are stored together or not at all (an
 * issue that is no longer a draft refuses the item, and the proposal stays open).
 */
@Component
class CommandIssueItems implements IssueItems {

    private final CommandGateway commands;

    CommandIssueItems(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void add(IssueId issueId, ItemId itemId, String sectionKey, ItemContent content) {
        commands.sendAndWait(new AddItem(issueId, null, itemId, sectionKey, content));
    }
}
