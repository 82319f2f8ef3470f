package jp.kodoku.platform.newsletter.eventitems;

import jp.kodoku.platform.events.api.CalendarView;
import jp.kodoku.platform.events.api.EventSummary;
import jp.kodoku.platform.events.api.FindEvent;
import jp.kodoku.platform.newsletter.api.AddEventItem;
import jp.kodoku.platform.newsletter.api.AddItem;
import jp.kodoku.platform.newsletter.api.InvalidNewsletterInput;
import jp.kodoku.platform.newsletter.api.ItemContent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Pulls a published event into イベント案内 in one step: reads it as the public calendar shows it (so a members-only
 * event, a draft or a proposal is "not found", never leaked into a mail), makes the item, and adds it with the issue's
 * own command in the same transaction.
 */
@Component
class EventItemCommandHandler {

    static final String EVENTS_SECTION = "events";

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final String baseUrl;

    EventItemCommandHandler(QueryGateway queries, CommandGateway commands,
                            @Value("${platform.newsletter.base-url:http://localhost:8080}") String baseUrl) {
        this.queries = queries;
        this.commands = commands;
        this.baseUrl = baseUrl;
    }

    @CommandHandler
    long handle(AddEventItem command) {
        if (command.eventId() == null || command.eventId().value() == null || command.eventId().value().isBlank()) {
            throw new InvalidNewsletterInput("eventId", "is required");
        }
        if (command.itemId() == null) {
            throw new InvalidNewsletterInput("itemId", "is required");
        }
        Optional<EventSummary> event = queries.query(new FindEvent(command.eventId(), CalendarView.PUBLIC),
                ResponseTypes.optionalInstanceOf(EventSummary.class)).join();
        if (event.isEmpty()) {
            throw new InvalidNewsletterInput("eventId", "is not an event of the public calendar");
        }
        ItemContent content = EventItems.of(event.get(), baseUrl + "/events/" + command.eventId().value());
        Object version = commands.sendAndWait(new AddItem(command.issueId(), command.expectedVersion(),
                command.itemId(), EVENTS_SECTION, content));
        return ((Number) version).longValue();
    }
}
