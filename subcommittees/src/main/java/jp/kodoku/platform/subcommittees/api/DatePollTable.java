package jp.kodoku.platform.subcommittees.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A date poll as the chair reads it (調整さん's table): a column per slot with its counts, a row per organization that
 * answered, and the members of the subcommittee that have not answered yet.
 *
 * @param status computed when read: past the deadline once it has passed
 */
public record DatePollTable(String pollId, String subcommitteeId, String title, Instant deadline, PollStatus status,
                            String confirmedSlotId, List<Column> slots, List<Row> answers,
                            List<OrganizationRef> notAnswered, long version) {

    public record Column(PollSlot slot, int yes, int maybe, int no) {
    }

    public record Row(OrganizationRef organization, Map<String, SlotAnswer> answers, Instant at) {
    }
}
