package jp.kodoku.platform.subcommittees.poll;

import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.subcommittees.api.*;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A date poll (日程調整): candidate slots with stable ids, answers per organization and slot, a deadline, and the slot
 * the chair confirms. Answers are kept by slot id, so adding, moving or removing one slot never loses the answers to
 * the others (a known failure of poll tools that key answers by position). The time comes from
 * {@link DatePollCommandHandler}; the aggregate compares, it does not read a clock.
 */
@Aggregate
public class DatePoll {

    @AggregateIdentifier
    private PollId id;
    private SubcommitteeId subcommittee;
    private String title;
    private Instant deadline;
    private final Map<String, PollSlot> slots = new LinkedHashMap<>();
    /** organization → slot id → answer */
    private final Map<OrganizationId, Map<String, SlotAnswer>> answers = new HashMap<>();
    private boolean confirmed;

    protected DatePoll() {
        // for Axon
    }

    DatePoll(PollId id, SubcommitteeId subcommittee, String title, Instant deadline, java.util.List<PollSlot> slots) {
        apply(new DatePollOpened(id, subcommittee, title, deadline, java.util.List.copyOf(slots)));
    }

    SubcommitteeId subcommittee() {
        return subcommittee;
    }

    long addSlot(PollSlot slot) {
        requireNotConfirmed();
        if (slots.containsKey(slot.slotId())) {
            throw new SubcommitteeRuleViolation("the poll has a slot with this id already");
        }
        requireNoTwin(slot);
        apply(new PollSlotAdded(id, slot));
        return getVersion();
    }

    long changeSlot(PollSlot slot) {
        requireNotConfirmed();
        PollSlot current = requireSlot(slot.slotId());
        if (current.equals(slot)) {
            return getVersion();
        }
        requireNoTwin(slot);
        apply(new PollSlotChanged(id, slot));
        return getVersion();
    }

    long removeSlot(String slotId) {
        requireNotConfirmed();
        requireSlot(slotId);
        if (slots.size() == 1) {
            throw new SubcommitteeRuleViolation("a poll keeps at least one slot");
        }
        apply(new PollSlotRemoved(id, slotId));
        return getVersion();
    }

    long answer(OrganizationId organization, Map<String, SlotAnswer> given, Instant now) {
        requireNotConfirmed();
        if (!now.isBefore(deadline)) {
            throw new SubcommitteeRuleViolation("the poll's deadline has passed; answers can no longer change");
        }
        for (String slotId : given.keySet()) {
            if (!slots.containsKey(slotId)) {
                throw new InvalidSubcommitteeInput("answers." + slotId, "the poll has no such slot (it may have been removed)");
            }
        }
        Map<String, SlotAnswer> answer = new LinkedHashMap<>(given);
        if (answer.equals(answers.get(organization))) {
            return getVersion();
        }
        apply(new DatePollAnswered(id, organization, answer));
        return getVersion();
    }

    long confirm(String slotId) {
        requireNotConfirmed();
        PollSlot slot = requireSlot(slotId);
        apply(new PollSlotConfirmed(id, subcommittee, title, slot));
        return getVersion();
    }

    // ---- state --------------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(DatePollOpened event) {
        id = event.pollId();
        subcommittee = event.subcommitteeId();
        title = event.title();
        deadline = event.deadline();
        event.slots().forEach(s -> slots.put(s.slotId(), s));
    }

    @EventSourcingHandler
    void on(PollSlotAdded event) {
        slots.put(event.slot().slotId(), event.slot());
    }

    @EventSourcingHandler
    void on(PollSlotChanged event) {
        slots.put(event.slot().slotId(), event.slot());
        answers.values().forEach(a -> a.remove(event.slot().slotId()));
    }

    @EventSourcingHandler
    void on(PollSlotRemoved event) {
        slots.remove(event.slotId());
        answers.values().forEach(a -> a.remove(event.slotId()));
    }

    @EventSourcingHandler
    void on(DatePollAnswered event) {
        answers.put(event.organizationId(), new LinkedHashMap<>(event.answers()));
    }

    @EventSourcingHandler
    void on(PollSlotConfirmed event) {
        confirmed = true;
    }

    // ---- rules --------------------------------------------------------------------------------------------------

    private void requireNotConfirmed() {
        if (confirmed) {
            throw new SubcommitteeRuleViolation("a slot of this poll is confirmed; the poll is closed");
        }
    }

    private PollSlot requireSlot(String slotId) {
        PollSlot slot = slots.get(slotId);
        if (slot == null) {
            throw new SubcommitteeRuleViolation("the poll has no slot " + slotId);
        }
        return slot;
    }

    /** Two slots at the same time would split the answers between them. */
    private void requireNoTwin(PollSlot slot) {
        for (PollSlot other : slots.values()) {
            if (!other.slotId().equals(slot.slotId()) && other.date().equals(slot.date())
                    && java.util.Objects.equals(other.start(), slot.start()) && java.util.Objects.equals(other.end(), slot.end())) {
                throw new SubcommitteeRuleViolation("the poll has a slot at this time already (" + other.slotId() + ")");
            }
        }
    }
}
