package jp.kodoku.platform.subcommittees.deliverable;

import jp.kodoku.platform.subcommittees.api.ListMeetings;
import jp.kodoku.platform.subcommittees.api.MeetingSummary;
import jp.kodoku.platform.subcommittees.api.SubcommitteeId;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The meetings a deliverable may name, from the meetings read model through the module's api (the meeting feature is
 * another package). A meeting that produced a deliverable was scheduled long before; the read model has it.
 */
interface MeetingsOfSubcommittee {

    List<MeetingSummary> of(SubcommitteeId subcommittee);

    @Component
    class FromReadModel implements MeetingsOfSubcommittee {

        private final QueryGateway queries;

        FromReadModel(QueryGateway queries) {
            this.queries = queries;
        }

        @Override
        public List<MeetingSummary> of(SubcommitteeId subcommittee) {
            return queries.query(new ListMeetings(subcommittee), ResponseTypes.multipleInstancesOf(MeetingSummary.class))
                          .join();
        }
    }
}
