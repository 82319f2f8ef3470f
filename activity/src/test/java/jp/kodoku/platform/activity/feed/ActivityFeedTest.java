package jp.kodoku.platform.activity.feed;

import jp.kodoku.platform.activity.api.*;
import jp.kodoku.platform.events.api.EventKind;
import jp.kodoku.platform.events.api.Visibility;
import jp.kodoku.platform.newsletter.api.Segment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActivityFeedTest {

    private final FeedHistory history = new FeedHistory();

    @AfterEach
    void close() {
        history.close();
    }

    private List<ActivityEntry> read(ActivityViewer viewer) {
        return history.list(new ListActivity(viewer, Set.of(), null, null, null, null, null, 200)).entries();
    }

    private static List<String> texts(List<ActivityEntry> entries) {
        return entries.stream().map(ActivityEntry::text).toList();
    }

    @Test
    void an_approved_member_is_public_news_and_its_application_the_secretariats_alone() {
        String sakura = history.member("こども居場所ネットワークさくら", true);

        assertThat(texts(read(ActivityViewer.anyone()))).containsExactly("こども居場所ネットワークさくらが会員になりました");
        ActivityEntry joined = read(ActivityViewer.anyone()).get(0);
        assertThat(joined.kind()).isEqualTo(ActivityKind.MEMBER_JOINED);
        assertThat(joined.link()).isEqualTo("/directory/" + sakura);
        assertThat(joined.organizations()).containsExactly(new ActivityOrganization(sakura, "こども居場所ネットワークさくら"));
        assertThat(texts(read(ActivityViewer.secretariatStaff()))).containsExactly(
                "こども居場所ネットワークさくらが会員になりました", "こども居場所ネットワークさくらから入会の申込がありました");
    }

    @Test
    void a_withdrawn_member_is_named_to_the_secretariat_only_as_the_directory_lists_it_no_more() {
        String sakura = history.member("こども居場所ネットワークさくら", true);
        String lead = history.member("自殺対策支援センターライフリンク", true);
        history.subcommittee(3, lead);
        history.join("bunkakai-3", sakura);

        history.withdraw(sakura);

        assertThat(texts(read(ActivityViewer.anyone()))).noneMatch(t -> t.contains("さくら"));
        assertThat(texts(read(ActivityViewer.memberAdmin(lead)))).noneMatch(t -> t.contains("さくら"));
        assertThat(texts(read(ActivityViewer.secretariatStaff()))).contains(
                "こども居場所ネットワークさくらが会員になりました", "こども居場所ネットワークさくらが分科会3に参加しました",
                "こども居場所ネットワークさくらが退会しました（2026年5月31日付）（理由：活動終了）");
    }

    @Test
    void a_suspended_member_comes_back_to_the_public_feed_when_reinstated() {
        String sakura = history.member("こども居場所ネットワークさくら", true);
        history.suspend(sakura);
        assertThat(read(ActivityViewer.anyone())).isEmpty();

        history.reinstate(sakura);

        assertThat(texts(read(ActivityViewer.anyone()))).containsExactly("こども居場所ネットワークさくらが会員になりました");
    }

    @Test
    void a_member_that_did_not_consent_to_publication_is_never_named_publicly() {
        history.member("非公開の会", false);

        assertThat(read(ActivityViewer.anyone())).isEmpty();
        assertThat(texts(read(ActivityViewer.secretariatStaff()))).contains("非公開の会が会員になりました");
    }

    @Test
    void a_postponed_meeting_is_told_to_the_subcommittees_members_with_its_reason() {
        String lead = history.member("自殺対策支援センターライフリンク", true);
        String outsider = history.member("こども居場所ネットワークさくら", true);
        history.subcommittee(3, lead);
        String meeting = history.meeting("bunkakai-3", "第2回会合", LocalDate.of(2026, 12, 3));

        history.rescheduleMeeting(meeting, "bunkakai-3", LocalDate.of(2026, 12, 10), "台風の接近のため");

        String postponed = "分科会3の会議「第2回会合」が延期されました（2026年12月10日 14:00）（理由：台風の接近のため）";
        assertThat(texts(read(ActivityViewer.memberAdmin(lead)))).contains(postponed,
                "分科会3の会議「第2回会合」を2026年12月3日 14:00に開きます");
        assertThat(read(ActivityViewer.memberAdmin(lead)).get(0).link())
                .isEqualTo("/subcommittees/bunkakai-3/meetings/" + meeting);
        assertThat(texts(read(new ActivityViewer(false, null, "bunkakai-3")))).contains(postponed);
        assertThat(texts(read(ActivityViewer.memberAdmin(outsider)))).doesNotContain(postponed);
        assertThat(texts(read(ActivityViewer.anyone()))).doesNotContain(postponed)
                .contains("分科会3「相談支援に係る実務的な相互連携の在り方」が設置されました（担当幹事団体：自殺対策支援センターライフリンク）");
    }

    @Test
    void a_meeting_marked_public_is_everyones_news_its_earlier_entries_included() {
        String lead = history.member("自殺対策支援センターライフリンク", true);
        history.subcommittee(3, lead);
        String meeting = history.meeting("bunkakai-3", "公開シンポジウム準備会", LocalDate.of(2026, 12, 3));
        history.rescheduleMeeting(meeting, "bunkakai-3", LocalDate.of(2026, 12, 10), "会場の都合");
        assertThat(texts(read(ActivityViewer.anyone()))).noneMatch(t -> t.contains("公開シンポジウム準備会"));

        history.meetingVisibility(meeting, "bunkakai-3", true);

        List<ActivityEntry> publicFeed = read(ActivityViewer.anyone());
        assertThat(texts(publicFeed)).contains("分科会3の会議「公開シンポジウム準備会」を2026年12月3日 14:00に開きます",
                "分科会3の会議「公開シンポジウム準備会」が延期されました（2026年12月10日 14:00）（理由：会場の都合）");
        assertThat(publicFeed).filteredOn(e -> e.link().endsWith(meeting))
                              .extracting(ActivityEntry::audience).containsOnly(Audience.PUBLIC);
    }

    @Test
    void a_meeting_made_members_only_again_leaves_the_public_feed_at_once() {
        String lead = history.member("自殺対策支援センターライフリンク", true);
        history.subcommittee(3, lead);
        String meeting = history.meeting("bunkakai-3", "第2回会合", LocalDate.of(2026, 12, 3));
        history.meetingVisibility(meeting, "bunkakai-3", true);
        assertThat(texts(read(ActivityViewer.anyone()))).anyMatch(t -> t.contains("第2回会合"));

        history.meetingVisibility(meeting, "bunkakai-3", false);

        assertThat(texts(read(ActivityViewer.anyone()))).noneMatch(t -> t.contains("第2回会合"));
        assertThat(read(ActivityViewer.memberAdmin(lead))).filteredOn(e -> e.link().endsWith(meeting))
                .extracting(ActivityEntry::audience).containsExactly(Audience.SUBCOMMITTEE);
    }

    @Test
    void public_minutes_reach_the_public_feed_only_while_their_meeting_is_public() {
        String lead = history.member("自殺対策支援センターライフリンク", true);
        history.subcommittee(3, lead);
        String meeting = history.meeting("bunkakai-3", "第2回会合", LocalDate.of(2026, 12, 3));

        history.publishMinutes(meeting, "bunkakai-3", jp.kodoku.platform.subcommittees.api.Visibility.PUBLIC);

        String minutes = "分科会3の会議の議事録を一般に公開しました";
        assertThat(texts(read(ActivityViewer.memberAdmin(lead)))).contains(minutes);
        assertThat(texts(read(ActivityViewer.anyone()))).doesNotContain(minutes);
        history.meetingVisibility(meeting, "bunkakai-3", true);
        assertThat(texts(read(ActivityViewer.anyone()))).contains(minutes);
        history.publishMinutes(meeting, "bunkakai-3", jp.kodoku.platform.subcommittees.api.Visibility.MEMBERS);
        assertThat(texts(read(ActivityViewer.anyone()))).noneMatch(t -> t.contains("議事録"));
    }

    @Test
    void a_deliverable_published_to_anyone_is_public_news_until_it_is_members_only_again() {
        String lead = history.member("自殺対策支援センターライフリンク", true);
        history.subcommittee(3, lead);
        String report = history.deliverable("bunkakai-3", "相談窓口連携の手引き",
                jp.kodoku.platform.subcommittees.api.Visibility.MEMBERS);
        assertThat(texts(read(ActivityViewer.anyone()))).noneMatch(t -> t.contains("手引き"));
        assertThat(texts(read(ActivityViewer.memberAdmin(lead)))).contains("分科会3の報告書「相談窓口連携の手引き」がまとまりました");

        history.deliverableVisibility(report, "bunkakai-3", jp.kodoku.platform.subcommittees.api.Visibility.PUBLIC);

        assertThat(texts(read(ActivityViewer.anyone()))).containsSubsequence(
                "分科会3の報告書「相談窓口連携の手引き」を公開しました", "分科会3の報告書「相談窓口連携の手引き」がまとまりました");
        history.deliverableVisibility(report, "bunkakai-3", jp.kodoku.platform.subcommittees.api.Visibility.MEMBERS);
        assertThat(texts(read(ActivityViewer.anyone()))).noneMatch(t -> t.contains("手引き"));
    }

    @Test
    void a_sent_newsletter_issue_is_everyones_news_with_its_number_and_a_cancelled_one_nobodys() {
        String issue = history.sentIssue("居場所づくり特集", 52);
        history.cancelledIssue("取りやめた号");

        List<ActivityEntry> publicFeed = read(ActivityViewer.anyone());
        assertThat(texts(publicFeed)).containsExactly("メールマガジン第52号「居場所づくり特集」を配信しました");
        assertThat(publicFeed.get(0).kind()).isEqualTo(ActivityKind.NEWSLETTER_ISSUE_SENT);
        assertThat(publicFeed.get(0).link()).isEqualTo("/newsletter/issues/" + issue);
        assertThat(texts(read(ActivityViewer.secretariatStaff()))).noneMatch(t -> t.contains("取りやめた号"));
    }

    @Test
    void an_issue_is_told_at_the_time_it_went_out_also_one_recorded_long_after() {
        history.sentIssueOn("メールマガジン 創刊号", 1, Instant.parse("2022-03-28T01:00:00Z"));

        List<ActivityEntry> publicFeed = read(ActivityViewer.anyone());
        assertThat(texts(publicFeed)).containsExactly("メールマガジン第1号「メールマガジン 創刊号」を配信しました");
        assertThat(publicFeed.get(0).occurredAt()).isEqualTo(Instant.parse("2022-03-28T01:00:00Z"));
    }

    @Test
    void an_issue_sent_to_members_contacts_only_is_members_news() {
        String sakura = history.member("こども居場所ネットワークさくら", true);
        history.sentIssue("会員向け特集", 53, new Segment(jp.kodoku.platform.newsletter.api.Audience.MEMBERS,
                Set.of(), Set.of(), Set.of(), Set.of()));

        assertThat(texts(read(ActivityViewer.anyone()))).noneMatch(t -> t.contains("会員向け特集"));
        assertThat(texts(read(ActivityViewer.memberAdmin(sakura))))
                .contains("メールマガジン第53号「会員向け特集」を配信しました");
    }

    @Test
    void a_members_only_event_is_for_members_and_a_general_assembly_always_is() {
        String sakura = history.member("こども居場所ネットワークさくら", true);
        history.event("会員交流会", EventKind.WORKSHOP, Visibility.MEMBERS_ONLY, List.of());
        history.event("令和8年度総会", EventKind.GENERAL_ASSEMBLY, Visibility.PUBLIC, List.of());
        history.event("孤独・孤立の実態把握", EventKind.SYMPOSIUM, Visibility.PUBLIC, List.of());

        assertThat(texts(read(ActivityViewer.anyone()))).containsExactly(
                "シンポジウム「孤独・孤立の実態把握」（第3回）を2026年12月3日に開催します",
                "こども居場所ネットワークさくらが会員になりました");
        assertThat(texts(read(ActivityViewer.memberAdmin(sakura)))).contains(
                "現場課題ワークショップ「会員交流会」を2026年12月3日に開催します", "総会「令和8年度総会」を2026年12月3日に開催します");
    }

    @Test
    void a_cancelled_event_is_told_with_its_reason_to_whom_it_was_for() {
        String id = history.event("居場所づくりの現場から", EventKind.WORKSHOP, Visibility.PUBLIC, List.of());

        history.cancelEvent(id, "台風接近のため");

        assertThat(texts(read(ActivityViewer.anyone()))).first()
                .isEqualTo("現場課題ワークショップ「居場所づくりの現場から」は中止になりました（理由：台風接近のため）");
    }

    @Test
    void a_renamed_organization_reads_with_its_name_of_today() {
        // names go in when an entry is read (ADR 0029): the subcommittees module names organizations the same way
        String sakura = history.member("こども居場所ネットワークさくら", true);
        history.mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(sakura)),
                org.springframework.data.mongodb.core.query.Update.update("name", "さくらネット"), KnownOrganization.class);

        assertThat(texts(read(ActivityViewer.anyone()))).containsExactly("さくらネットが会員になりました");
    }

    @Test
    void redelivered_events_and_a_rebuild_leave_the_same_feed() {
        String lead = history.member("自殺対策支援センターライフリンク", true);
        history.subcommittee(3, lead);
        String meeting = history.meeting("bunkakai-3", "第2回会合", LocalDate.of(2026, 12, 3));
        history.rescheduleMeeting(meeting, "bunkakai-3", LocalDate.of(2026, 12, 1), "会場の都合");
        String event = history.event("居場所づくりの現場から", EventKind.WORKSHOP, Visibility.PUBLIC, List.of(lead));
        history.cancelEvent(event, "台風接近のため");
        history.meetingVisibility(meeting, "bunkakai-3", true);
        history.publishMinutes(meeting, "bunkakai-3", jp.kodoku.platform.subcommittees.api.Visibility.PUBLIC);
        history.sentIssue("居場所づくり特集", 52);
        List<ActivityEntry> before = read(ActivityViewer.secretariatStaff());
        List<ActivityEntry> publicBefore = read(ActivityViewer.anyone());

        history.redeliverEverything();
        assertThat(read(ActivityViewer.secretariatStaff())).isEqualTo(before);

        history.rebuild();
        assertThat(read(ActivityViewer.secretariatStaff())).isEqualTo(before);
        assertThat(read(ActivityViewer.anyone())).isEqualTo(publicBefore);
        assertThat(texts(before)).contains("分科会3の会議「第2回会合」の日程が変わりました（2026年12月1日 14:00）（理由：会場の都合）");
    }

    @Test
    void pages_follow_each_other_by_cursor_without_gap_or_repeat() {
        for (int i = 1; i <= 7; i++) {
            history.member("団体" + i, true);
        }
        List<ActivityEntry> all = read(ActivityViewer.secretariatStaff());
        List<ActivityEntry> paged = new ArrayList<>();
        ActivityCursor cursor = null;
        do {
            ActivityPage page = history.list(new ListActivity(ActivityViewer.secretariatStaff(), Set.of(), null, null,
                    null, null, cursor, 3));
            paged.addAll(page.entries());
            cursor = page.nextCursor() == null ? null : ActivityCursor.parse(page.nextCursor());
        } while (cursor != null);

        assertThat(all).hasSize(14);
        assertThat(paged).isEqualTo(all);
    }

    @Test
    void filters_narrow_by_kind_organization_subcommittee_and_time() {
        String lead = history.member("自殺対策支援センターライフリンク", true);
        String sakura = history.member("こども居場所ネットワークさくら", true);
        history.subcommittee(3, lead);
        ActivityViewer secretariat = ActivityViewer.secretariatStaff();

        assertThat(history.list(new ListActivity(secretariat, Set.of(ActivityKind.MEMBER_JOINED), null, null, null, null,
                null, 50)).entries()).hasSize(2).allMatch(e -> e.kind() == ActivityKind.MEMBER_JOINED);
        assertThat(history.list(new ListActivity(secretariat, Set.of(), sakura, null, null, null, null, 50)).entries())
                .hasSize(2).allMatch(e -> e.organizations().get(0).id().equals(sakura));
        assertThat(history.list(new ListActivity(secretariat, Set.of(), null, "bunkakai-3", null, null, null, 50))
                           .entries()).hasSize(2).allMatch(e -> "bunkakai-3".equals(e.subcommitteeId()));
        List<ActivityEntry> all = read(secretariat);
        Instant third = all.get(2).occurredAt();
        assertThat(history.list(new ListActivity(secretariat, Set.of(), null, null, third, null, null, 50)).entries())
                .isEqualTo(all.subList(0, 3));
        assertThat(history.list(new ListActivity(secretariat, Set.of(), null, null, null, third, null, 50)).entries())
                .isEqualTo(all.subList(3, all.size()));
    }

    @Test
    void a_cursor_the_feed_did_not_give_and_a_backwards_range_are_refused_naming_the_parameter() {
        assertThatThrownBy(() -> ActivityCursor.parse("bm90LWEtY3Vyc29y")).isInstanceOf(InvalidActivityInput.class)
                .satisfies(e -> assertThat(((InvalidActivityInput) e).violations().get(0).field()).isEqualTo("cursor"));
        assertThatThrownBy(() -> ActivityCursor.parse("%%%")).isInstanceOf(InvalidActivityInput.class);
        Instant now = Instant.now();
        assertThatThrownBy(() -> new ListActivity(ActivityViewer.anyone(), Set.of(), null, null, now, now.minusSeconds(1),
                null, 10)).isInstanceOf(InvalidActivityInput.class)
                .satisfies(e -> assertThat(((InvalidActivityInput) e).violations().get(0).field()).isEqualTo("to"));
    }

    @Test
    void a_cursor_survives_its_round_trip() {
        ActivityCursor cursor = new ActivityCursor(Instant.parse("2026-04-01T00:00:01.5Z"), "bunkakai-3:4");
        assertThat(ActivityCursor.parse(cursor.encode())).isEqualTo(cursor);
    }
}
