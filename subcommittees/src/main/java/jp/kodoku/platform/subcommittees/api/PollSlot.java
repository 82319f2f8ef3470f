package jp.kodoku.platform.subcommittees.api;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A candidate slot: a local date in Japan (Asia/Tokyo) with start and end times, or the whole day when both are null.
 * Its id is stable: edits and removals of other slots never touch the answers given to it.
 */
public record PollSlot(String slotId, LocalDate date, LocalTime start, LocalTime end) {

    public boolean wholeDay() {
        return start == null && end == null;
    }
}
