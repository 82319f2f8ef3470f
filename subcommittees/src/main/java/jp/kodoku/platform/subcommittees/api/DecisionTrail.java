package jp.kodoku.platform.subcommittees.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * From each meeting to its minutes to the deliverables that came out of it, in the order of the meetings' dates;
 * deliverables linked to no meeting the reader sees come last, by date.
 */
public record DecisionTrail(String subcommitteeId, List<Step> steps, List<DeliverableRef> unlinked) {

    /** @param minutes null when there are none the reader may see */
    public record Step(String meetingId, String title, LocalDate date, MeetingStatus status, MinutesRef minutes,
                       List<DeliverableRef> deliverables) {
    }

    public record MinutesRef(MinutesStatus status, int revision, Instant finalizedAt, Visibility audience,
                             Instant publishedAt) {
    }

    public record DeliverableRef(String deliverableId, String title, DeliverableKind kind, LocalDate date,
                                 Visibility visibility) {
    }
}
