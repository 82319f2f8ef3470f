package jp.kodoku.platform.events.event;

import jp.kodoku.platform.events.api.*;
import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.personaldata.PersonalDataVault;
import jp.kodoku.platform.infra.personaldata.SealedValue;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands whose decision needs something beyond the event: the time, a symposium number, the campaign a proposal
 * belongs to, sealing or erasing a registrant's personal data. All of it runs in the transaction that appends the
 * events. The event itself still makes every decision about its state and its seats.
 */
@Component
public class EventCommandHandler {

    private final Repository<PortalEvent> repository;
    private final SymposiumNumbers symposiumNumbers;
    private final PersonalDataVault vault;
    private final Clock clock;

    @Autowired
    EventCommandHandler(Repository<PortalEvent> repository, SymposiumNumbers symposiumNumbers, PersonalDataVault vault) {
        this(repository, symposiumNumbers, vault, Clock.systemUTC());
    }

    public EventCommandHandler(Repository<PortalEvent> repository, SymposiumNumbers symposiumNumbers,
                               PersonalDataVault vault, Clock clock) {
        this.repository = repository;
        this.symposiumNumbers = symposiumNumbers;
        this.vault = vault;
        this.clock = clock;
    }

    @CommandHandler
    public long handle(ScheduleEvent command) throws Exception {
        EventDetails details = checked(command.details());
        if (details.kind() == EventKind.CAMPAIGN_EVENT) {
            requireCampaign(details);
        }
        repository.newInstance(() -> new PortalEvent(command.eventId(), details));
        return 0L;
    }

    @CommandHandler
    public long handle(ProposeCampaignEvent command) throws Exception {
        EventDetails details = checked(command.details());
        if (details.kind() != EventKind.CAMPAIGN_EVENT) {
            throw new InvalidEventInput("kind", "a member organization proposes CAMPAIGN_EVENTs only");
        }
        if (!EventRules.organizes(details, command.proposer())) {
            throw new InvalidEventInput("organizerOrganizations", "must include the proposing organization");
        }
        requireCampaign(details);
        repository.newInstance(() -> new PortalEvent(command.eventId(), command.proposer(), details));
        return 0L;
    }

    @CommandHandler
    public long handle(ReviseEvent command) {
        EventDetails details = checked(command.details());
        Aggregate<PortalEvent> event = repository.load(command.eventId().value(), command.expectedVersion());
        if (details.kind() == EventKind.CAMPAIGN_EVENT) {
            requireCampaign(details);
        }
        return event.invoke(e -> e.revise(details));
    }

    @CommandHandler
    public long handle(PublishEvent command) {
        Aggregate<PortalEvent> event = repository.load(command.eventId().value(), command.expectedVersion());
        Integer number = event.invoke(PortalEvent::needsSymposiumNumber) ? symposiumNumbers.assign(command.eventId()) : null;
        return event.invoke(e -> e.publish(number));
    }

    @CommandHandler
    public long handle(RescheduleEvent command) {
        List<FieldViolation> violations = new ArrayList<>(EventRules.violations(command.schedule(), "schedule."));
        if (!violations.isEmpty()) {
            throw new InvalidEventInput(violations);
        }
        String reason = EventRules.reason(command.reason());
        Aggregate<PortalEvent> event = repository.load(command.eventId().value(), command.expectedVersion());
        EventDetails moved = event.invoke(PortalEvent::details);
        if (moved.registration() != null) {
            EventDetails after = new EventDetails(moved.kind(), moved.title(), moved.description(), moved.courseLevel(),
                    moved.campaignId(), moved.secretariatOrganizes(), moved.organizerOrganizations(), command.schedule(),
                    moved.venue(), moved.onlineUrl(), moved.visibility(), moved.registration());
            EventRules.check(after);
        }
        return event.invoke(e -> e.reschedule(command.schedule(), reason));
    }

    @CommandHandler
    public long handle(FinishEvent command) {
        return repository.load(command.eventId().value(), command.expectedVersion())
                         .invoke(e -> e.finish(clock.instant()));
    }

    @CommandHandler
    public RegistrationOutcome handle(RegisterMember command) {
        Aggregate<PortalEvent> event = repository.load(command.eventId().value());
        SealedValue email = command.contactEmail() == null ? null
                : vault.seal(command.registrationId().value(), command.contactEmail())[0];
        event.execute(e -> e.registerMember(command.registrationId(),
                new Registrant(command.organizationId(), command.account(), null, email), command.seats(),
                clock.instant()));
        return event.invoke(e -> e.outcome(command.registrationId()));
    }

    @CommandHandler
    public RegistrationOutcome handle(RequestPublicRegistration command) {
        List<FieldViolation> violations = EventRules.registrantViolations(command.name(), command.email());
        if (!violations.isEmpty()) {
            throw new InvalidEventInput(violations);
        }
        Aggregate<PortalEvent> event = repository.load(command.eventId().value());
        String subject = command.registrationId().value();
        SealedValue[] sealed = vault.seal(subject, command.name().strip(), command.email().strip(),
                command.confirmationToken());
        Registrant registrant = new Registrant(null, null, sealed[0], sealed[1]);
        event.execute(e -> e.requestPublicRegistration(command.registrationId(), registrant, command.seats(),
                command.accessTokenHash(), command.confirmationTokenHash(), sealed[2], clock.instant()));
        return event.invoke(e -> e.outcome(command.registrationId()));
    }

    @CommandHandler
    public RegistrationOutcome handle(ConfirmPublicRegistration command) {
        Aggregate<PortalEvent> event = repository.load(command.eventId().value());
        RegistrationId confirmed = event.invoke(e -> e.confirmPublicRegistration(command.confirmationTokenHash(),
                clock.instant()));
        return event.invoke(e -> e.outcome(confirmed));
    }

    @CommandHandler
    public long handle(EraseRegistrantPersonalData command) {
        long version = repository.load(command.eventId().value())
                                 .invoke(e -> e.erasePersonalData(command.registrationId(), command.reason()));
        vault.erase(command.registrationId().value());
        return version;
    }

    private static EventDetails checked(EventDetails details) {
        if (details == null) {
            throw new InvalidEventInput("body", "is required");
        }
        EventDetails normalized = EventRules.normalize(details);
        EventRules.check(normalized);
        return normalized;
    }

    /** A campaign event belongs to a campaign that is announced and not over, and lies within its dates. */
    private void requireCampaign(EventDetails details) {
        Aggregate<PortalEvent> campaign;
        try {
            campaign = repository.load(details.campaignId().value());
        } catch (AggregateNotFoundException e) {
            throw new InvalidEventInput("campaignId", "no such campaign");
        }
        if (!campaign.invoke(PortalEvent::acceptsCampaignEvents)) {
            throw new InvalidEventInput("campaignId", "must be a published 強化月間 campaign");
        }
        EventRules.requireWithin(campaign.invoke(PortalEvent::details).schedule(), details.schedule());
    }
}
