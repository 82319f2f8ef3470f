package jp.kodoku.platform.events.event;

import jp.kodoku.platform.events.api.*;
import jp.kodoku.platform.infra.personaldata.SealedValue;
import jp.kodoku.platform.membership.api.OrganizationId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * One event of the portal with all of its registrations: capacity, seats and the waitlist are one consistency
 * boundary, so that a cancellation promotes from the waitlist in the same command that frees the seats (DESIGN.md §10,
 * ADR 0024). It decides from its own state alone; {@link EventCommandHandler} does the I/O around it (the clock,
 * symposium numbers, sealing personal data, the campaign a proposal belongs to).
 *
 * <p>The waitlist rule: after every command, no waitlisted registration fits in the free seats. Seats that become free
 * go to the waitlist in order, each entry that fits taking its seats, an entry that does not fit being passed over
 * (ADR 0024); a new registration takes seats if they are free, else joins the end of the waitlist.
 */
@Aggregate(cache = EventCache.NAME)
public class PortalEvent {

    @AggregateIdentifier
    private EventId id;
    private EventDetails details;
    private EventStatus status;
    private final Map<RegistrationId, Registration> registrations = new LinkedHashMap<>();
    private final List<RegistrationId> waitlist = new ArrayList<>();
    private final Map<String, RegistrationId> byAccessToken = new HashMap<>();
    private final Map<String, RegistrationId> byConfirmationToken = new HashMap<>();
    private int confirmedSeats;
    /** How many registrations the event has accepted (confirmed or waitlisted) so far: the acceptance order. */
    private long accepted;

    /** What the aggregate needs to know of one registration (a value: the fixture compares states by equality). */
    private record Registration(RegistrationStatus status, int seats, Registrant registrant, String accessTokenHash) {

        boolean active() {
            return status == RegistrationStatus.CONFIRMED || status == RegistrationStatus.WAITLISTED
                    || status == RegistrationStatus.PENDING_CONFIRMATION;
        }

        Registration with(RegistrationStatus to) {
            return new Registration(to, seats, registrant, accessTokenHash);
        }
    }

    protected PortalEvent() {
        // for Axon
    }

    PortalEvent(EventId id, EventDetails details) {
        apply(new EventScheduled(id, details));
    }

    PortalEvent(EventId id, OrganizationId proposer, EventDetails details) {
        apply(new CampaignEventProposed(id, proposer, details));
    }

    // ---- the event itself -----------------------------------------------------------------------------------------

    EventKind kind() {
        return details.kind();
    }

    EventDetails details() {
        return details;
    }

    EventStatus status() {
        return status;
    }

    /** A campaign that member organizations may propose events under. */
    boolean acceptsCampaignEvents() {
        return details.kind() == EventKind.CAMPAIGN && announcedAndOn();
    }

    long revise(EventDetails revised) {
        requireNotOver("revised");
        if (revised.kind() != details.kind()) {
            throw new EventRuleViolation("the kind of an event cannot change; create a new event instead");
        }
        if (status.announced() && !revised.schedule().equals(details.schedule())) {
            throw new EventRuleViolation("an announced event changes its time by being rescheduled, with a reason");
        }
        Integer capacity = revised.registration() == null ? null : revised.registration().capacity();
        if (revised.registration() == null && !registrations.isEmpty()) {
            throw new EventRuleViolation("the event has registrations, so it keeps taking them");
        }
        if (capacity != null && capacity < confirmedSeats) {
            throw new EventRuleViolation("the capacity cannot be below the " + confirmedSeats
                    + " seats already confirmed; remove registrations first");
        }
        Integer before = details.registration() == null ? null : details.registration().capacity();
        apply(new EventRevised(id, revised));
        if (before != null && (capacity == null || capacity > before)) {
            promote(PromotionCause.CAPACITY_RAISED, null);
        }
        return getVersion();
    }

    /** @param symposiumNumber the next number for a symposium, else null */
    long publish(Integer symposiumNumber) {
        if (status != EventStatus.DRAFT) {
            throw new EventRuleViolation("only a draft can be published; this event is " + status);
        }
        apply(new EventPublished(id, symposiumNumber));
        return getVersion();
    }

    boolean needsSymposiumNumber() {
        return details.kind() == EventKind.SYMPOSIUM && status == EventStatus.DRAFT;
    }

    @CommandHandler
    long handle(ApproveCampaignEvent command) {
        requireProposed();
        apply(new CampaignEventApproved(id));
        return getVersion();
    }

    @CommandHandler
    long handle(RejectCampaignEvent command) {
        requireProposed();
        apply(new CampaignEventRejected(id, EventRules.reason(command.reason())));
        return getVersion();
    }

    long reschedule(Schedule schedule, String reason) {
        if (!announcedAndOn() || status == EventStatus.FINISHED) {
            throw new EventRuleViolation("only a published event that has not finished can be rescheduled; this one is "
                    + status);
        }
        if (schedule.equals(details.schedule())) {
            throw new EventRuleViolation("the event already takes place at that time");
        }
        apply(new EventRescheduled(id, details.schedule(), schedule, reason));
        return getVersion();
    }

    @CommandHandler
    long handle(CancelEvent command) {
        String reason = EventRules.reason(command.reason());
        if (status == EventStatus.CANCELLED || status == EventStatus.FINISHED || status == EventStatus.REJECTED) {
            throw new EventRuleViolation("the event is " + status + " and cannot be cancelled");
        }
        apply(new EventCancelled(id, reason));
        return getVersion();
    }

    long finish(Instant now) {
        if (!announcedAndOn() || status == EventStatus.FINISHED) {
            throw new EventRuleViolation("only a published event can finish; this one is " + status);
        }
        if (now.isBefore(details.schedule().startsAt())) {
            throw new EventRuleViolation("the event has not started yet");
        }
        apply(new EventFinished(id));
        return getVersion();
    }

    // ---- registrations --------------------------------------------------------------------------------------------

    long registerMember(RegistrationId registrationId, Registrant registrant, int seats, Instant now) {
        requireOpenFor(registrationId, seats, now);
        accept(registrationId, registrant, seats, null);
        return getVersion();
    }

    long requestPublicRegistration(RegistrationId registrationId, Registrant registrant, int seats,
                                   String accessTokenHash, String confirmationTokenHash, SealedValue confirmationToken,
                                   Instant now) {
        if (details.visibility() != Visibility.PUBLIC) {
            throw new EventRuleViolation("this event is for members only; member organizations register through "
                    + "their member admin account");
        }
        requireOpenFor(registrationId, seats, now);
        apply(new PublicRegistrationRequested(id, registrationId, registrant, seats, accessTokenHash,
                confirmationTokenHash, confirmationToken));
        return getVersion();
    }

    /** The public registration a link was mailed for; the registration, if still unconfirmed, takes its place now. */
    RegistrationId confirmPublicRegistration(String confirmationTokenHash, Instant now) {
        RegistrationId registrationId = byConfirmationToken.get(confirmationTokenHash);
        if (registrationId == null) {
            throw new jp.kodoku.platform.infra.errors.NotFound("no registration of this event has this link");
        }
        Registration registration = registrations.get(registrationId);
        if (registration.status() != RegistrationStatus.PENDING_CONFIRMATION) {
            return registrationId; // followed twice (a second click): already done
        }
        requireWindowOpen(now);
        accept(registrationId, registration.registrant(), registration.seats(), registration.accessTokenHash());
        return registrationId;
    }

    @CommandHandler
    long handle(CancelRegistrationByLink command) {
        RegistrationId registrationId = command.accessTokenHash() == null ? null
                : byAccessToken.get(command.accessTokenHash());
        if (registrationId == null) {
            throw new jp.kodoku.platform.infra.errors.NotFound("no registration of this event has this link");
        }
        cancel(registrationId);
        return getVersion();
    }

    @CommandHandler
    long handle(CancelMemberRegistration command) {
        Registration registration = registrations.get(command.registrationId());
        if (registration == null || !Objects.equals(registration.registrant().organizationId(), command.organizationId())) {
            throw new jp.kodoku.platform.infra.errors.NotFound("your organization has no such registration for this event");
        }
        cancel(command.registrationId());
        return getVersion();
    }

    @CommandHandler
    long handle(RemoveRegistration command) {
        String reason = EventRules.reason(command.reason());
        Registration registration = activeRegistration(command.registrationId());
        RegistrationStatus previous = registration.status();
        apply(new RegistrationRemoved(id, command.registrationId(), previous, registration.seats(), reason));
        if (previous == RegistrationStatus.CONFIRMED) {
            promote(PromotionCause.REMOVAL, command.registrationId());
        }
        return getVersion();
    }

    @CommandHandler
    long handle(MoveWaitlistEntry command) {
        String reason = EventRules.reason(command.reason());
        Registration registration = registrations.get(command.registrationId());
        if (registration == null || registration.status() != RegistrationStatus.WAITLISTED) {
            throw new EventRuleViolation("only a waitlisted registration can be moved");
        }
        if (command.position() < 1 || command.position() > waitlist.size()) {
            throw new InvalidEventInput("position", "must be between 1 and " + waitlist.size()
                    + " (the length of the waitlist)");
        }
        int from = waitlist.indexOf(command.registrationId()) + 1;
        if (from == command.position()) {
            throw new EventRuleViolation("the registration is already at position " + from);
        }
        List<RegistrationId> after = new ArrayList<>(waitlist);
        after.remove(command.registrationId());
        after.add(command.position() - 1, command.registrationId());
        apply(new WaitlistEntryMoved(id, command.registrationId(), from, command.position(), reason, after));
        return getVersion();
    }

    @CommandHandler
    long handle(RecordAttendance command) {
        if (status != EventStatus.FINISHED) {
            throw new EventRuleViolation("attendance is recorded once the event has finished");
        }
        Registration registration = registrations.get(command.registrationId());
        if (registration == null || registration.status() != RegistrationStatus.CONFIRMED) {
            throw new EventRuleViolation("attendance is recorded for confirmed registrations only");
        }
        if (command.attendedSeats() < 0 || command.attendedSeats() > registration.seats()) {
            throw new InvalidEventInput("attendedSeats", "must be between 0 and the " + registration.seats()
                    + " seats of the registration");
        }
        apply(new AttendanceRecorded(id, command.registrationId(), command.attendedSeats()));
        return getVersion();
    }

    long erasePersonalData(RegistrationId registrationId, String reason) {
        Registration registration = registrations.get(registrationId);
        if (registration == null) {
            throw new jp.kodoku.platform.infra.errors.NotFound("no such registration for this event");
        }
        if (registration.registrant().isMember()) {
            throw new EventRuleViolation("a member registration holds no personal data of its own");
        }
        apply(new RegistrantPersonalDataErased(id, registrationId, EventRules.reason(reason)));
        return getVersion();
    }

    RegistrationOutcome outcome(RegistrationId registrationId) {
        Registration registration = registrations.get(registrationId);
        int index = waitlist.indexOf(registrationId);
        return new RegistrationOutcome(registrationId, registration.status(), index < 0 ? null : index + 1, getVersion());
    }

    // ---- the rules of seats and the waitlist ----------------------------------------------------------------------

    /** Confirmed if the seats are free, else at the end of the waitlist. */
    private void accept(RegistrationId registrationId, Registrant registrant, int seats, String accessTokenHash) {
        long order = accepted + 1;
        if (fits(seats)) {
            apply(new RegistrationConfirmed(id, registrationId, registrant, seats, order, accessTokenHash));
        } else {
            apply(new RegistrationWaitlisted(id, registrationId, registrant, seats, order, waitlist.size() + 1,
                    accessTokenHash));
        }
    }

    /**
     * Seats became free: every waitlisted registration, in order, that fits takes its seats; one that does not fit is
     * passed over, not waited for. One pass suffices, because free seats only shrink during it.
     */
    private void promote(PromotionCause cause, RegistrationId freedBy) {
        for (RegistrationId waiting : List.copyOf(waitlist)) {
            int seats = registrations.get(waiting).seats();
            if (fits(seats)) {
                apply(new PromotedFromWaitlist(id, waiting, seats, cause, freedBy, freeSeats()));
            }
        }
    }

    private void cancel(RegistrationId registrationId) {
        Registration registration = activeRegistration(registrationId);
        RegistrationStatus previous = registration.status();
        apply(new RegistrationCancelled(id, registrationId, previous, registration.seats()));
        if (previous == RegistrationStatus.CONFIRMED) {
            promote(PromotionCause.CANCELLATION, registrationId);
        }
    }

    private boolean fits(int seats) {
        return capacity() == null || seats <= freeSeats();
    }

    private Integer capacity() {
        return details.registration() == null ? null : details.registration().capacity();
    }

    private int freeSeats() {
        return capacity() == null ? Integer.MAX_VALUE : capacity() - confirmedSeats;
    }

    private Registration activeRegistration(RegistrationId registrationId) {
        Registration registration = registrations.get(registrationId);
        if (registration == null) {
            throw new jp.kodoku.platform.infra.errors.NotFound("no such registration for this event");
        }
        if (!registration.active()) {
            throw new EventRuleViolation("the registration is already " + registration.status());
        }
        return registration;
    }

    private void requireOpenFor(RegistrationId registrationId, int seats, Instant now) {
        if (details.registration() == null) {
            throw new EventRuleViolation("this event takes no registrations");
        }
        if (!announcedAndOn() || status == EventStatus.FINISHED) {
            throw new EventRuleViolation("registrations are taken only while the event is published; it is " + status);
        }
        if (registrations.containsKey(registrationId)) {
            throw new EventRuleViolation("this registration exists already");
        }
        int limit = details.registration().seatLimit();
        if (seats < 1 || seats > limit) {
            throw new InvalidEventInput("seats", "must be between 1 and " + limit + " (the limit per registration)");
        }
        requireWindowOpen(now);
    }

    private void requireWindowOpen(Instant now) {
        RegistrationSettings settings = details.registration();
        Instant opens = settings.opensAt() == null ? null : japan(settings.opensAt());
        Instant closes = settings.closesAt() == null ? details.schedule().startsAt() : japan(settings.closesAt());
        if (opens != null && now.isBefore(opens)) {
            throw new RegistrationWindowClosed("registrations open at " + settings.opensAt() + " (Japan time)");
        }
        if (!now.isBefore(closes)) {
            throw new RegistrationWindowClosed("registrations closed at "
                    + (settings.closesAt() != null ? settings.closesAt() : "the start of the event") + " (Japan time)");
        }
    }

    private static Instant japan(LocalDateTime time) {
        return time.atZone(Schedule.JAPAN).toInstant();
    }

    private boolean announcedAndOn() {
        return status == EventStatus.PUBLISHED || status == EventStatus.RESCHEDULED || status == EventStatus.FINISHED;
    }

    private void requireNotOver(String what) {
        if (status == EventStatus.CANCELLED || status == EventStatus.FINISHED || status == EventStatus.REJECTED) {
            throw new EventRuleViolation("the event is " + status + " and can no longer be " + what);
        }
    }

    private void requireProposed() {
        if (status != EventStatus.PROPOSED) {
            throw new EventRuleViolation("only a proposed campaign event can be approved or rejected; this one is "
                    + status);
        }
    }

    // ---- state ----------------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(EventScheduled e) {
        id = e.eventId();
        details = e.details();
        status = EventStatus.DRAFT;
    }

    @EventSourcingHandler
    void on(CampaignEventProposed e) {
        id = e.eventId();
        details = e.details();
        status = EventStatus.PROPOSED;
    }

    @EventSourcingHandler
    void on(CampaignEventApproved e) {
        status = EventStatus.PUBLISHED;
    }

    @EventSourcingHandler
    void on(CampaignEventRejected e) {
        status = EventStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(EventRevised e) {
        details = e.details();
    }

    @EventSourcingHandler
    void on(EventPublished e) {
        status = EventStatus.PUBLISHED;
    }

    @EventSourcingHandler
    void on(EventRescheduled e) {
        details = new EventDetails(details.kind(), details.title(), details.description(), details.courseLevel(),
                details.campaignId(), details.secretariatOrganizes(), details.organizerOrganizations(), e.schedule(),
                details.venue(), details.onlineUrl(), details.visibility(), details.registration());
        status = EventStatus.RESCHEDULED;
    }

    @EventSourcingHandler
    void on(EventCancelled e) {
        status = EventStatus.CANCELLED;
        registrations.replaceAll((id, r) -> r.active() ? r.with(RegistrationStatus.EVENT_CANCELLED) : r);
        waitlist.clear();
        confirmedSeats = 0;
    }

    @EventSourcingHandler
    void on(EventFinished e) {
        status = EventStatus.FINISHED;
    }

    @EventSourcingHandler
    void on(PublicRegistrationRequested e) {
        registrations.put(e.registrationId(), new Registration(RegistrationStatus.PENDING_CONFIRMATION, e.seats(),
                e.registrant(), e.accessTokenHash()));
        byAccessToken.put(e.accessTokenHash(), e.registrationId());
        byConfirmationToken.put(e.confirmationTokenHash(), e.registrationId());
    }

    @EventSourcingHandler
    void on(RegistrationConfirmed e) {
        accepted = e.acceptedAs();
        confirmedSeats += e.seats();
        registrations.merge(e.registrationId(), new Registration(RegistrationStatus.CONFIRMED, e.seats(),
                e.registrant(), e.accessTokenHash()), (old, fresh) -> fresh);
        if (e.accessTokenHash() != null) {
            byAccessToken.put(e.accessTokenHash(), e.registrationId());
        }
    }

    @EventSourcingHandler
    void on(RegistrationWaitlisted e) {
        accepted = e.acceptedAs();
        registrations.merge(e.registrationId(), new Registration(RegistrationStatus.WAITLISTED, e.seats(),
                e.registrant(), e.accessTokenHash()), (old, fresh) -> fresh);
        if (e.accessTokenHash() != null) {
            byAccessToken.put(e.accessTokenHash(), e.registrationId());
        }
        waitlist.add(e.registrationId());
    }

    @EventSourcingHandler
    void on(PromotedFromWaitlist e) {
        registrations.computeIfPresent(e.registrationId(), (id, r) -> r.with(RegistrationStatus.CONFIRMED));
        waitlist.remove(e.registrationId());
        confirmedSeats += e.seats();
    }

    @EventSourcingHandler
    void on(RegistrationCancelled e) {
        ended(e.registrationId(), RegistrationStatus.CANCELLED);
    }

    @EventSourcingHandler
    void on(RegistrationRemoved e) {
        ended(e.registrationId(), RegistrationStatus.REMOVED);
    }

    private void ended(RegistrationId registrationId, RegistrationStatus to) {
        Registration registration = registrations.get(registrationId);
        if (registration.status() == RegistrationStatus.CONFIRMED) {
            confirmedSeats -= registration.seats();
        }
        waitlist.remove(registrationId);
        registrations.put(registrationId, registration.with(to));
    }

    @EventSourcingHandler
    void on(WaitlistEntryMoved e) {
        waitlist.clear();
        waitlist.addAll(e.waitlist());
    }
}
