package jp.kodoku.platform.subcommittees.poll;

import jp.kodoku.platform.infra.readmodel.ReadModelBatches;
import jp.kodoku.platform.infra.readmodel.VersionedDocuments;
import jp.kodoku.platform.subcommittees.OrganizationNames;
import jp.kodoku.platform.subcommittees.api.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Date polls as they are read ({@code date_polls}); the table's "not answered yet" is the subcommittee's current
 * members (asked of the subcommittee read model through the query bus, the module's api) without an answer row.
 */
@Component
@ProcessingGroup("subcommittees")
class DatePollsProjection {

    private final MongoTemplate mongo;
    private final VersionedDocuments<DatePollView> polls;
    private final OrganizationNames names;
    private final QueryGateway queries;
    private final Clock clock = Clock.systemUTC();

    DatePollsProjection(MongoTemplate mongo, ReadModelBatches batches, OrganizationNames names, QueryGateway queries) {
        this.mongo = mongo;
        this.polls = batches.versioned(DatePollView.class, DatePollView::new);
        this.names = names;
        this.queries = queries;
    }

    @ResetHandler
    void dropAll() {
        mongo.dropCollection(DatePollView.class);
    }

    @EventHandler
    void on(DatePollOpened e, @SequenceNumber long seq, @Timestamp Instant at) {
        poll(e.pollId(), seq, p -> {
            p.subcommitteeId = e.subcommitteeId().value();
            p.title = e.title();
            p.deadline = e.deadline();
            p.openedAt = at;
            p.slots = new ArrayList<>(e.slots());
        });
    }

    @EventHandler
    void on(PollSlotAdded e, @SequenceNumber long seq) {
        poll(e.pollId(), seq, p -> p.slots.add(e.slot()));
    }

    @EventHandler
    void on(PollSlotChanged e, @SequenceNumber long seq) {
        String slotId = e.slot().slotId();
        poll(e.pollId(), seq, p -> {
            p.slots.replaceAll(s -> s.slotId().equals(slotId) ? e.slot() : s);
            withoutSlot(p, slotId);
        });
    }

    @EventHandler
    void on(PollSlotRemoved e, @SequenceNumber long seq) {
        poll(e.pollId(), seq, p -> {
            p.slots.removeIf(s -> s.slotId().equals(e.slotId()));
            withoutSlot(p, e.slotId());
        });
    }

    @EventHandler
    void on(DatePollAnswered e, @SequenceNumber long seq, @Timestamp Instant at) {
        String organization = e.organizationId().value();
        poll(e.pollId(), seq, p -> {
            p.answers.removeIf(a -> a.organizationId().equals(organization));
            p.answers.add(new DatePollView.Answer(organization, new LinkedHashMap<>(e.answers()), at));
        });
    }

    @EventHandler
    void on(PollSlotConfirmed e, @SequenceNumber long seq) {
        poll(e.pollId(), seq, p -> p.confirmedSlotId = e.slot().slotId());
    }

    @QueryHandler
    List<DatePollSummary> handle(ListDatePolls query) {
        Query select = Query.query(Criteria.where("subcommitteeId").is(query.subcommitteeId().value()))
                            .with(Sort.by(Sort.Direction.DESC, "openedAt"));
        return mongo.find(select, DatePollView.class).stream()
                    .map(p -> new DatePollSummary(p.id, p.subcommitteeId, p.title, p.deadline, status(p), p.slots.size(),
                            p.answers.size(), p.version))
                    .toList();
    }

    @QueryHandler
    Optional<DatePollTable> handle(FindDatePoll query) {
        DatePollView poll = mongo.findById(query.pollId().value(), DatePollView.class);
        if (poll == null) {
            return Optional.empty();
        }
        List<String> members = queries.query(new FindSubcommittee(new SubcommitteeId(poll.subcommitteeId)),
                                             ResponseTypes.optionalInstanceOf(SubcommitteeDetails.class)).join()
                                      .map(d -> d.members().stream().map(m -> m.organization().id()).toList())
                                      .orElse(List.of());
        Set<String> answered = new HashSet<>();
        poll.answers.forEach(a -> answered.add(a.organizationId()));
        Set<String> all = new HashSet<>(members);
        all.addAll(answered);
        Map<String, String> known = names.of(all);

        List<DatePollTable.Column> columns = new ArrayList<>();
        for (PollSlot slot : poll.slots) {
            int yes = 0, maybe = 0, no = 0;
            for (DatePollView.Answer answer : poll.answers) {
                SlotAnswer a = answer.answers().get(slot.slotId());
                if (a != null) {
                    switch (a.choice()) {
                        case YES -> yes++;
                        case MAYBE -> maybe++;
                        case NO -> no++;
                    }
                }
            }
            columns.add(new DatePollTable.Column(slot, yes, maybe, no));
        }
        List<DatePollTable.Row> rows = poll.answers.stream()
                .map(a -> new DatePollTable.Row(new OrganizationRef(a.organizationId(), known.get(a.organizationId())),
                        a.answers(), a.at()))
                .toList();
        List<OrganizationRef> notAnswered = members.stream().filter(m -> !answered.contains(m))
                                                   .map(m -> new OrganizationRef(m, known.get(m))).toList();
        return Optional.of(new DatePollTable(poll.id, poll.subcommitteeId, poll.title, poll.deadline, status(poll),
                poll.confirmedSlotId, columns, rows, notAnswered, poll.version));
    }

    private PollStatus status(DatePollView poll) {
        if (poll.confirmedSlotId != null) {
            return PollStatus.CONFIRMED;
        }
        return clock.instant().isBefore(poll.deadline) ? PollStatus.OPEN : PollStatus.PAST_DEADLINE;
    }

    private static void withoutSlot(DatePollView poll, String slotId) {
        poll.answers.replaceAll(a -> {
            Map<String, SlotAnswer> kept = new LinkedHashMap<>(a.answers());
            kept.remove(slotId);
            return new DatePollView.Answer(a.organizationId(), kept, a.at());
        });
    }

    private void poll(PollId id, long seq, Consumer<DatePollView> change) {
        polls.upsert(id.value(), seq, change);
    }
}
