package jp.kodoku.platform.subcommittees.api;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Identifies a meeting (会議) of a subcommittee. */
public record MeetingId(String value) {

    /** The meeting a confirmed poll makes: the same id however often the confirmation is delivered. */
    public static MeetingId fromPoll(PollId poll) {
        return new MeetingId(UUID.nameUUIDFromBytes(("meeting-of-poll:" + poll.value()).getBytes(StandardCharsets.UTF_8))
                                 .toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
