package jp.kodoku.platform.subcommittees.api;

import java.util.UUID;

/** Identifies a date poll (日程調整). */
public record PollId(String value) {

    public static PollId random() {
        return new PollId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
