package jp.kodoku.platform.subcommittees.api;

/** The minutes of a meeting are a stream of their own, named after the meeting (ids are unique across streams). */
public final class MinutesIds {

    private MinutesIds() {
    }

    public static String of(MeetingId meeting) {
        return "minutes-" + meeting.value();
    }
}
