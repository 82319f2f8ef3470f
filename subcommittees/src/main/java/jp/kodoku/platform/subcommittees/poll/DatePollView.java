package jp.kodoku.platform.subcommittees.poll;

import jp.kodoku.platform.infra.readmodel.VersionedDocument;
import jp.kodoku.platform.subcommittees.api.PollSlot;
import jp.kodoku.platform.subcommittees.api.SlotAnswer;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One date poll in MongoDB ({@code date_polls}): slots in their order, one answer row per organization. */
@Document("date_polls")
class DatePollView extends VersionedDocument<DatePollView> {

    String subcommitteeId;
    String title;
    Instant deadline;
    Instant openedAt;
    List<PollSlot> slots = new ArrayList<>();
    List<Answer> answers = new ArrayList<>();
    String confirmedSlotId;

    /** Keys are slot ids, which PollRules holds to letters, digits and hyphens (safe as MongoDB field names). */
    record Answer(String organizationId, Map<String, SlotAnswer> answers, Instant at) {
    }
}
