package jp.kodoku.platform.demo;

import jp.kodoku.platform.subcommittees.api.AddSubcommitteeMember;
import jp.kodoku.platform.subcommittees.api.Attendance;
import jp.kodoku.platform.subcommittees.api.DeliverableId;
import jp.kodoku.platform.subcommittees.api.DeliverableKind;
import jp.kodoku.platform.subcommittees.api.FinalizeMinutes;
import jp.kodoku.platform.subcommittees.api.MeetingId;
import jp.kodoku.platform.subcommittees.api.OrganizationRef;
import jp.kodoku.platform.subcommittees.api.PublishMinutes;
import jp.kodoku.platform.subcommittees.api.RecordAttendance;
import jp.kodoku.platform.subcommittees.api.RecordDeliverable;
import jp.kodoku.platform.subcommittees.api.SaveMinutes;
import jp.kodoku.platform.subcommittees.api.ScheduleMeeting;
import jp.kodoku.platform.subcommittees.api.SetMeetingPlace;
import jp.kodoku.platform.subcommittees.api.SetMeetingVisibility;
import jp.kodoku.platform.subcommittees.api.Visibility;
import jp.kodoku.platform.subcommittees.api.AnswerDatePoll;
import jp.kodoku.platform.subcommittees.api.AppointChair;
import jp.kodoku.platform.subcommittees.api.CreateSubcommittee;
import jp.kodoku.platform.subcommittees.api.OpenDatePoll;
import jp.kodoku.platform.subcommittees.api.PollChoice;
import jp.kodoku.platform.subcommittees.api.PollId;
import jp.kodoku.platform.subcommittees.api.PollSlot;
import jp.kodoku.platform.subcommittees.api.SlotAnswer;
import jp.kodoku.platform.subcommittees.api.SubcommitteeId;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The three subcommittees of seed 004 (「孤独・孤立対策官民連携プラットフォーム」と「分科会」の紹介), with their lead
 * organizations exactly as listed there (生活困窮者自立支援全国ネットワーク and 全国社会福祉協議会 lead both 2 and 3), a
 * chair for each, a few members drawn from the demo members, one open date poll, and the record of their work: past
 * meetings with finalized public minutes and the deliverables of seed 004. The chairs are the realm's demo accounts
 * (infra/keycloak/platform-realm.json): {@code bunkakai3-chair} chairs 分科会3 for 自殺対策支援センターライフリンク.
 */
final class DemoSubcommittees {

    /** The demo chairs' account ids, fixed in the realm file so that the demo can name them. */
    static final String CHAIR_1 = "c4a1b000-0000-4000-8000-000000000001";
    static final String CHAIR_2 = "c4a1b000-0000-4000-8000-000000000002";
    static final String CHAIR_3 = "c4a1b000-0000-4000-8000-000000000003";
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    record Planned(int number, String title, String theme, List<String> leads, List<String> members, String chair) {

        SubcommitteeId id() {
            return SubcommitteeId.ofNumber(number);
        }
    }

    private DemoSubcommittees() {
    }

    static List<Planned> plan() {
        return List.of(
                new Planned(1, "「声を上げやすい・声をかけやすい社会」に向けた取組の在り方",
                        "重点計画の基本方針「孤独・孤立に至っても支援を求める声を上げやすい社会とする」をテーマとして、支援を求める声を上げやすい・"
                                + "声を受け止める・声をかけやすい社会に向けて、孤独・孤立についての理解・意識や機運を社会全体で高めていくための取組の在り方を検討。",
                        List.of("あなたのいばしょ", "新公益連盟"),
                        List.of("日本NPOセンター", "日本いのちの電話連盟"), CHAIR_1),
                new Planned(2, "きめ細やかな支援や、地域における包括的支援に向けた行政（国、地方）・民間・NPO等の役割の在り方",
                        "多様な主体が当事者や家族等への支援に関わることにより、切れ目なく息の長いきめ細かな支援や、地域における包括的支援を推進するため、"
                                + "各主体の役割や責務、各主体間の連携の在り方を整理。",
                        List.of("全国社会福祉協議会", "全国社会福祉法人経営者協議会", "日本NPOセンター", "生活困窮者自立支援全国ネットワーク"),
                        List.of("新公益連盟", "自殺対策支援センターライフリンク"), CHAIR_2),
                new Planned(3, "相談支援に係る実務的な相互連携の在り方",
                        "重点計画の基本方針「状況に合わせた切れ目のない相談支援につなげる」をテーマとして、ワンストップの相談窓口等の一元的な相談支援体制"
                                + "（統一的な相談ダイヤル等）や、地域で「相談」と「支援」をつなぐための地方自治体を含めた各主体の連携等について、"
                                + "実務的な相互連携の在り方を検討。",
                        List.of("自殺対策支援センターライフリンク", "日本いのちの電話連盟", "よりそいホットライン",
                                "生活困窮者自立支援全国ネットワーク", "全国社会福祉協議会"),
                        List.of("あなたのいばしょ", "日本NPOセンター"), CHAIR_3));
    }

    /** The commands that make the plan, in order; the organizations exist and are active by then. */
    static List<Object> commands() {
        List<Object> commands = new ArrayList<>();
        for (Planned planned : plan()) {
            commands.add(new CreateSubcommittee(planned.id(), planned.number(), planned.title(), planned.theme(),
                    planned.leads().stream().map(DemoData::idOf).toList()));
            for (String member : planned.members()) {
                commands.add(new AddSubcommitteeMember(planned.id(), null, DemoData.idOf(member)));
            }
            commands.add(new AppointChair(planned.id(), null, planned.chair()));
        }
        commands.addAll(openPoll(LocalDate.now(JAPAN)));
        commands.addAll(records());
        return commands;
    }

    /** A past meeting of the demo: its number in its subcommittee, date, and who attended. */
    record PastMeeting(int subcommittee, int number, LocalDate date, List<String> attended) {

        MeetingId id() {
            return new MeetingId(uuid("demo-meeting:bunkakai-" + subcommittee + ":" + number));
        }

        String title() {
            return "第" + number + "回 分科会" + subcommittee;
        }
    }

    /** A deliverable of seed 004 (DOMAIN.md): its subcommittee, kind, date, and the meetings that produced it. */
    record PlannedDeliverable(int subcommittee, DeliverableKind kind, LocalDate date, String summary, List<Integer> meetings) {

        DeliverableId id() {
            return new DeliverableId(uuid("demo-deliverable:bunkakai-" + subcommittee + ":" + date));
        }
    }

    /**
     * The meetings before each deliverable of seed 004. The deliverables' dates are the published ones; the meetings'
     * dates are illustrative (the seed does not list them), all before the deliverable they led to.
     */
    static List<PastMeeting> pastMeetings() {
        return List.of(
                new PastMeeting(1, 1, LocalDate.of(2022, 6, 28), List.of("あなたのいばしょ", "新公益連盟", "日本NPOセンター")),
                new PastMeeting(1, 2, LocalDate.of(2022, 8, 30), List.of("あなたのいばしょ", "新公益連盟", "日本いのちの電話連盟")),
                new PastMeeting(1, 3, LocalDate.of(2022, 9, 27), List.of("あなたのいばしょ", "新公益連盟")),
                new PastMeeting(2, 1, LocalDate.of(2022, 7, 12), List.of("全国社会福祉協議会", "日本NPOセンター", "新公益連盟")),
                new PastMeeting(2, 2, LocalDate.of(2022, 10, 25), List.of("全国社会福祉協議会", "生活困窮者自立支援全国ネットワーク")),
                new PastMeeting(3, 1, LocalDate.of(2022, 7, 26), List.of("自殺対策支援センターライフリンク", "日本いのちの電話連盟",
                        "よりそいホットライン")),
                new PastMeeting(3, 2, LocalDate.of(2022, 11, 22), List.of("自殺対策支援センターライフリンク", "全国社会福祉協議会",
                        "あなたのいばしょ")),
                new PastMeeting(3, 3, LocalDate.of(2023, 2, 28), List.of("自殺対策支援センターライフリンク", "よりそいホットライン",
                        "生活困窮者自立支援全国ネットワーク", "日本NPOセンター")));
    }

    static List<PlannedDeliverable> deliverables() {
        return List.of(
                new PlannedDeliverable(1, DeliverableKind.STUDY_RESULT, LocalDate.of(2022, 10, 7),
                        "支援を求める声を上げやすい・声をかけやすい社会に向けた取組の在り方について、検討の成果を取りまとめた。",
                        List.of(1, 2, 3)),
                new PlannedDeliverable(2, DeliverableKind.INTERIM_SUMMARY, LocalDate.of(2022, 11, 9),
                        "行政（国、地方）・民間・NPO等の役割と連携の在り方について、これまでの議論を中間的に整理した。",
                        List.of(1, 2)),
                new PlannedDeliverable(3, DeliverableKind.INTERIM_SUMMARY, LocalDate.of(2023, 3, 16),
                        "相談支援に係る実務的な相互連携の在り方について、これまでの議論を中間的に整理した。",
                        List.of(1, 2, 3)));
    }

    /**
     * The record of seed 004's work: each past meeting (public, 14:00–16:00) with its attendance and its minutes
     * (a draft, a corrected revision, finalized and published to the public), then the deliverables, public, linked
     * to their meetings.
     */
    static List<Object> records() {
        List<Object> commands = new ArrayList<>();
        for (PastMeeting meeting : pastMeetings()) {
            SubcommitteeId subcommittee = SubcommitteeId.ofNumber(meeting.subcommittee());
            commands.add(new ScheduleMeeting(meeting.id(), subcommittee, meeting.title(), meeting.date(), LocalTime.of(14, 0),
                    LocalTime.of(16, 0), null));
            commands.add(new SetMeetingPlace(meeting.id(), subcommittee, null, "東京都千代田区永田町1-6-1 中央合同庁舎8号館 会議室",
                    null));
            commands.add(new SetMeetingVisibility(meeting.id(), subcommittee, null, true));
            commands.add(new RecordAttendance(meeting.id(), subcommittee, null, meeting.attended().stream()
                    .map(name -> new Attendance(new OrganizationRef(DemoData.idOf(name).value(), name), 2)).toList()));
            String draft = meeting.title() + " 議事録\n日時：" + meeting.date() + " 14:00〜16:00\n1. 開会\n2. 各団体からの報告\n3. 意見交換\n4. 閉会";
            commands.add(new SaveMinutes(meeting.id(), subcommittee, null, draft));
            commands.add(new SaveMinutes(meeting.id(), subcommittee, null, draft.replace("3. 意見交換",
                    "3. 意見交換（連携の課題と今後の進め方）")));
            commands.add(new FinalizeMinutes(meeting.id(), subcommittee, null));
            commands.add(new PublishMinutes(meeting.id(), subcommittee, null, Visibility.PUBLIC));
        }
        for (PlannedDeliverable deliverable : deliverables()) {
            SubcommitteeId subcommittee = SubcommitteeId.ofNumber(deliverable.subcommittee());
            List<MeetingId> meetings = deliverable.meetings().stream()
                    .map(n -> new PastMeeting(deliverable.subcommittee(), n, null, List.of()).id()).toList();
            commands.add(new RecordDeliverable(deliverable.id(), subcommittee, deliverable.kind().japanese(),
                    deliverable.kind(), deliverable.date(), deliverable.summary(), Visibility.PUBLIC, meetings));
        }
        return commands;
    }

    /**
     * One open date poll (日程調整) of 分科会3: three slots two to three weeks ahead, the deadline in a week, answered by
     * ライフリンク and not yet by the others.
     */
    static List<Object> openPoll(LocalDate today) {
        SubcommitteeId bunkakai3 = SubcommitteeId.ofNumber(3);
        PollId poll = new PollId(uuid("demo-poll:bunkakai-3"));
        PollSlot afternoon = new PollSlot(uuid("demo-slot:1"), today.plusDays(14), LocalTime.of(14, 0), LocalTime.of(16, 0));
        PollSlot morning = new PollSlot(uuid("demo-slot:2"), today.plusDays(16), LocalTime.of(10, 0), LocalTime.of(12, 0));
        PollSlot wholeDay = new PollSlot(uuid("demo-slot:3"), today.plusDays(21), null, null);
        return List.of(
                new OpenDatePoll(poll, bunkakai3, "第6回 分科会3 日程調整", today.plusDays(7).atTime(17, 0),
                        List.of(afternoon, morning, wholeDay)),
                new AnswerDatePoll(poll, bunkakai3, DemoData.idOf("自殺対策支援センターライフリンク"), Map.of(
                        afternoon.slotId(), new SlotAnswer(PollChoice.YES, null),
                        morning.slotId(), new SlotAnswer(PollChoice.MAYBE, "午前は電話相談の当番があります"),
                        wholeDay.slotId(), new SlotAnswer(PollChoice.NO, null))));
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
