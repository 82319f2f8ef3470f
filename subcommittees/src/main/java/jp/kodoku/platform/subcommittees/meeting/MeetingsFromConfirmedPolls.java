package jp.kodoku.platform.subcommittees.meeting;

import jp.kodoku.platform.infra.audit.AuditMetadata;
import jp.kodoku.platform.subcommittees.api.MeetingId;
import jp.kodoku.platform.subcommittees.api.PollSlotConfirmed;
import jp.kodoku.platform.subcommittees.api.ScheduleMeeting;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * A confirmed date poll schedules its meeting: the slot's date and times, the poll's title. The meeting's id comes from
 * the poll's, so a redelivered confirmation finds the meeting there and schedules nothing twice. A processing group of
 * its own: it sends commands, and a rebuild of the read models must never replay it.
 */
@Component
@ProcessingGroup(MeetingsFromConfirmedPolls.PROCESSING_GROUP)
class MeetingsFromConfirmedPolls {

    static final String PROCESSING_GROUP = "subcommittee-meetings";
    static final String PRINCIPAL = "system:subcommittee-meetings";

    private final CommandGateway commands;
    private final EventStore events;

    MeetingsFromConfirmedPolls(CommandGateway commands, EventStore events) {
        this.commands = commands;
        this.events = events;
    }

    @EventHandler
    void on(PollSlotConfirmed event, MetaData metaData) {
        MeetingId meeting = MeetingId.fromPoll(event.pollId());
        if (events.lastSequenceNumberFor(meeting.value()).isPresent()) {
            return;
        }
        String correlationId = String.valueOf(metaData.getOrDefault(AuditMetadata.CORRELATION_ID, PROCESSING_GROUP));
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new ScheduleMeeting(meeting, event.subcommitteeId(),
                event.title(), event.slot().date(), event.slot().start(), event.slot().end(), event.pollId()))
                                                  .andMetaData(AuditMetadata.of(PRINCIPAL, correlationId)));
    }
}
