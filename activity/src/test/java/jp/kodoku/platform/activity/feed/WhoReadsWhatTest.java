package jp.kodoku.platform.activity.feed;

import jp.kodoku.platform.activity.api.*;
import jp.kodoku.platform.events.api.EventKind;
import jp.kodoku.platform.events.api.Visibility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * Over generated histories of members, withdrawals, suspensions, subcommittees, meetings made public and members-only
 * again, minutes and deliverables published to members or anyone, events and newsletter issues: the public feed holds
 * public entries only, naming only organizations the directory lists, never a meeting, minutes or deliverable that is
 * members-only now, and every meeting and deliverable that is public now; a member admin never reads the
 * secretariat's entries nor another subcommittee's. Each history is drawn from its seed (shown in the test's name), so
 * a failing one can be told again exactly.
 */
class WhoReadsWhatTest {

    /** One step of a history; {@code who} and {@code which} pick among what exists by index. */
    record Step(int action, int who, int which, boolean flag) {
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 40);
    }

    /** 1 to 25 steps drawn from the seed. */
    static List<Step> history(long seed) {
        Random random = new Random(seed);
        List<Step> steps = new ArrayList<>();
        int length = 1 + random.nextInt(25);
        for (int i = 0; i < length; i++) {
            steps.add(new Step(random.nextInt(11), random.nextInt(21), random.nextInt(21), random.nextBoolean()));
        }
        return steps;
    }

    @ParameterizedTest(name = "history of seed {0}")
    @MethodSource("seeds")
    void the_public_and_a_member_read_only_what_they_may(long seed) {
        List<Step> steps = history(seed);
        try (FeedHistory history = new FeedHistory()) {
            List<String> members = new ArrayList<>();
            Set<String> unlisted = new HashSet<>();
            List<String> subcommittees = new ArrayList<>();
            List<String> meetings = new ArrayList<>();
            Map<String, String> subcommitteeOf = new HashMap<>();
            Set<String> publicMeetings = new HashSet<>();
            Set<String> publicMinutes = new HashSet<>();
            List<String> deliverables = new ArrayList<>();
            Set<String> publicDeliverables = new HashSet<>();
            members.add(history.member("最初の会", true));
            for (Step s : steps) {
                String who = members.get(s.who() % members.size());
                switch (s.action()) {
                    case 0 -> {
                        String id = history.member("会" + members.size(), s.flag());
                        members.add(id);
                        if (!s.flag()) {
                            unlisted.add(id);
                        }
                    }
                    case 1 -> {
                        if (!unlisted.contains(who)) {
                            history.withdraw(who);
                            unlisted.add(who);
                        }
                    }
                    case 2 -> subcommittees.add(history.subcommittee(subcommittees.size() + 1, who));
                    case 3 -> {
                        if (!subcommittees.isEmpty()) {
                            history.join(subcommittees.get(s.which() % subcommittees.size()), who);
                        }
                    }
                    case 4 -> {
                        if (!subcommittees.isEmpty()) {
                            String sub = subcommittees.get(s.which() % subcommittees.size());
                            String meeting = history.meeting(sub, "会合", LocalDate.of(2026, 12, 1));
                            meetings.add(meeting);
                            subcommitteeOf.put(meeting, sub);
                            if (s.flag()) {
                                history.rescheduleMeeting(meeting, sub, LocalDate.of(2026, 12, 8), "都合により");
                            }
                        }
                    }
                    case 5 -> history.event("イベント", s.flag() ? EventKind.WORKSHOP : EventKind.STEERING_COMMITTEE,
                            s.which() % 2 == 0 ? Visibility.PUBLIC : Visibility.MEMBERS_ONLY, List.of(who));
                    case 7 -> {
                        if (!meetings.isEmpty()) {
                            String meeting = meetings.get(s.which() % meetings.size());
                            history.meetingVisibility(meeting, subcommitteeOf.get(meeting), s.flag());
                            holds(publicMeetings, meeting, s.flag());
                        }
                    }
                    case 8 -> {
                        if (!meetings.isEmpty()) {
                            String meeting = meetings.get(s.which() % meetings.size());
                            history.publishMinutes(meeting, subcommitteeOf.get(meeting), s.flag()
                                    ? jp.kodoku.platform.subcommittees.api.Visibility.PUBLIC
                                    : jp.kodoku.platform.subcommittees.api.Visibility.MEMBERS);
                            holds(publicMinutes, meeting, s.flag());
                        }
                    }
                    case 9 -> {
                        if (!subcommittees.isEmpty()) {
                            String sub = subcommittees.get(s.which() % subcommittees.size());
                            if (s.flag() || deliverables.isEmpty()) {
                                String deliverable = history.deliverable(sub, "成果", s.flag()
                                        ? jp.kodoku.platform.subcommittees.api.Visibility.PUBLIC
                                        : jp.kodoku.platform.subcommittees.api.Visibility.MEMBERS);
                                deliverables.add(deliverable);
                                subcommitteeOf.put(deliverable, sub);
                                if (s.flag()) {
                                    publicDeliverables.add(deliverable);
                                }
                            } else {
                                String deliverable = deliverables.get(s.who() % deliverables.size());
                                boolean toPublic = !publicDeliverables.contains(deliverable);
                                history.deliverableVisibility(deliverable, subcommitteeOf.get(deliverable), toPublic
                                        ? jp.kodoku.platform.subcommittees.api.Visibility.PUBLIC
                                        : jp.kodoku.platform.subcommittees.api.Visibility.MEMBERS);
                                holds(publicDeliverables, deliverable, toPublic);
                            }
                        }
                    }
                    case 10 -> history.sentIssue("号", s.which() + 1);
                    default -> {
                        if (!unlisted.contains(who)) {
                            history.suspend(who);
                            unlisted.add(who);
                        }
                    }
                }
            }

            List<ActivityEntry> publicFeed = history.list(ListActivity.latestPublic(200)).entries();
            assertThat(publicFeed).allSatisfy(e -> {
                Assertions.assertThat(e.audience()).isEqualTo(Audience.PUBLIC);
                Assertions.assertThat(e.organizations()).noneMatch(o -> unlisted.contains(o.id()));
                String subject = e.link().replaceAll(".*/(meetings|deliverables)/([^/]+).*", "$2");
                if (e.link().endsWith("/minutes")) {
                    Assertions.assertThat(publicMinutes).contains(subject);
                    Assertions.assertThat(publicMeetings).contains(subject);
                } else if (e.link().contains("/meetings/")) {
                    Assertions.assertThat(publicMeetings).contains(subject);
                } else if (e.link().contains("/deliverables/")) {
                    Assertions.assertThat(publicDeliverables).contains(subject);
                }
            });
            // and what is public is there: every public meeting's announcement, every public deliverable's
            assertThat(publicFeed.stream().filter(e -> e.kind() == ActivityKind.MEETING_SCHEDULED)
                                 .map(e -> e.link().substring(e.link().lastIndexOf('/') + 1)).toList())
                    .containsExactlyInAnyOrderElementsOf(publicMeetings);
            assertThat(publicFeed.stream().filter(e -> e.kind() == ActivityKind.DELIVERABLE_RECORDED)
                                 .map(e -> e.link().substring(e.link().lastIndexOf('/') + 1)).toList())
                    .containsExactlyInAnyOrderElementsOf(publicDeliverables);

            String reader = members.get(0);
            Set<String> mine = new HashSet<>(history.list(new ListActivity(ActivityViewer.secretariatStaff(),
                    Set.of(ActivityKind.SUBCOMMITTEE_MEMBER_JOINED), reader, null, null, null, null, 200)).entries()
                    .stream().map(ActivityEntry::subcommitteeId).toList());
            List<ActivityEntry> memberFeed = history.list(new ListActivity(ActivityViewer.memberAdmin(reader), Set.of(),
                    null, null, null, null, null, 200)).entries();
            assertThat(memberFeed).allSatisfy(e -> {
                Assertions.assertThat(e.audience()).isNotEqualTo(Audience.SECRETARIAT);
                if (e.audience() == Audience.SUBCOMMITTEE) {
                    Assertions.assertThat(mine).contains(e.subcommitteeId());
                }
            });
        }
    }

    /** The model of the history: {@code id} is in {@code set} exactly when {@code holds}. */
    private static void holds(Set<String> set, String id, boolean holds) {
        if (holds) {
            set.add(id);
        } else {
            set.remove(id);
        }
    }

    private static <T> org.assertj.core.api.ListAssert<T> assertThat(List<T> list) {
        return org.assertj.core.api.Assertions.assertThat(list);
    }

    private static final class Assertions extends org.assertj.core.api.Assertions {
    }
}
