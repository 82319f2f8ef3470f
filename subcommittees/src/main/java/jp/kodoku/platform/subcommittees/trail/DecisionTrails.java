package jp.kodoku.platform.subcommittees.trail;

import jp.kodoku.platform.subcommittees.api.*;
import jp.kodoku.platform.subcommittees.api.DecisionTrail.DeliverableRef;
import jp.kodoku.platform.subcommittees.api.DecisionTrail.MinutesRef;
import jp.kodoku.platform.subcommittees.api.DecisionTrail.Step;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The decision trail (issue 11's "beyond the anchors" row): each meeting, by date, with its minutes and the deliverables
 * that name it. Composed from the three read models through the module's own queries, so it keeps no copy of them and
 * needs no rebuild of its own. What the reader sees follows the same rules as the single reads: outsiders see public
 * meetings, public minutes and public deliverables; members see every meeting, published minutes and every
 * deliverable; the chair and the secretariat see drafts too.
 */
@Component
class DecisionTrails {

    private final QueryGateway queries;

    DecisionTrails(QueryGateway queries) {
        this.queries = queries;
    }

    @QueryHandler
    DecisionTrail handle(FindDecisionTrail query) {
        boolean publicOnly = query.reach() == Visibility.PUBLIC;
        List<Meeting> meetings = publicOnly
                ? list(new ListPublicMeetings(query.subcommitteeId()), PublicMeeting.class).stream()
                      .map(m -> new Meeting(m.meetingId(), m.title(), m.date(), m.status())).toList()
                : list(new ListMeetings(query.subcommitteeId()), MeetingSummary.class).stream()
                      .map(m -> new Meeting(m.meetingId(), m.title(), m.date(), m.status())).toList();
        Map<String, MinutesDetails> minutes = list(new ListMinutes(query.subcommitteeId()), MinutesDetails.class).stream()
                .filter(m -> query.withDrafts() || (m.status() == MinutesStatus.FINALIZED && m.audience() != null
                        && (!publicOnly || m.audience() == Visibility.PUBLIC)))
                .collect(Collectors.toMap(MinutesDetails::meetingId, Function.identity()));
        List<DeliverableSummary> deliverables = list(new ListDeliverables(query.subcommitteeId()), DeliverableSummary.class)
                .stream().filter(d -> !publicOnly || d.visibility() == Visibility.PUBLIC).toList();

        List<Step> steps = new ArrayList<>();
        Set<String> linked = new HashSet<>();
        for (Meeting meeting : meetings) {
            List<DeliverableRef> out = deliverables.stream().filter(d -> d.meetingIds().contains(meeting.id()))
                                                   .map(DecisionTrails::ref).toList();
            out.forEach(d -> linked.add(d.deliverableId()));
            MinutesDetails m = minutes.get(meeting.id());
            steps.add(new Step(meeting.id(), meeting.title(), meeting.date(), meeting.status(),
                    m == null ? null : new MinutesRef(m.status(), m.revision(), m.finalizedAt(), m.audience(), m.publishedAt()),
                    out));
        }
        steps.sort(Comparator.comparing(Step::date));
        List<DeliverableRef> unlinked = deliverables.stream().map(DecisionTrails::ref)
                                                    .filter(d -> !linked.contains(d.deliverableId())).toList();
        return new DecisionTrail(query.subcommitteeId().value(), steps, unlinked);
    }

    private record Meeting(String id, String title, LocalDate date, MeetingStatus status) {
    }

    private static DeliverableRef ref(DeliverableSummary d) {
        return new DeliverableRef(d.deliverableId(), d.title(), d.kind(), d.date(), d.visibility());
    }

    private <R> List<R> list(Object query, Class<R> type) {
        return queries.query(query, ResponseTypes.multipleInstancesOf(type)).join();
    }
}
