package jp.kodoku.platform.demo;

import jp.kodoku.platform.events.api.*;
import jp.kodoku.platform.membership.api.OrganizationId;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The events of the demo, as the events portal's public commands: the real events of seed 004 with their dates and
 * titles (the workshop of 2022-03-30, シンポジウム 第1回 2022-06-21 and 第2回 2022-10-26, all finished), and upcoming
 * ones relative to today so that every view has something to show: a つながりサポーター養成講座, a workshop that is full
 * with a waitlist, a 総会 for members, and next May's 強化月間 with events that member organizations proposed and the
 * secretariat approved. Registrations come from member organizations of the demo and from two people of the public.
 * Ids derive from titles, the same on every machine.
 */
final class DemoEvents {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    static final String LIFELINK = "自殺対策支援センターライフリンク";
    static final String INOCHI = "日本いのちの電話連盟";
    static final String SHAKYO = "全国社会福祉協議会";
    static final String NPO_CENTER = "日本NPOセンター";
    static final String IBASHO = "あなたのいばしょ";
    private static final Venue GOUDOU_8 = new Venue("中央合同庁舎8号館 講堂", "東京都千代田区永田町1-6-1", "13");

    private final Consumer<Object> send;
    private final LocalDate today;
    private int registrations;

    DemoEvents(Consumer<Object> send, LocalDate today) {
        this.send = send;
        this.today = today;
    }

    static EventId idOf(String title) {
        return new EventId(UUID.nameUUIDFromBytes(("demo-event:" + title).getBytes(StandardCharsets.UTF_8)).toString());
    }

    /** What took place in 令和4年度 (seed 004): the first workshop and the two symposiums, finished. */
    static List<EventDetails> seed004() {
        return List.of(new EventDetails(EventKind.WORKSHOP, "“多様な各種の居場所“の多様性と種別について",
                        "孤独・孤立に関する現場課題ワークショップ。孤独・孤立対策に関する実務者が日々の実践から感じる現状や課題に対する対応策を議論しました。",
                        null, null, true, List.of(), wholeDay(LocalDate.of(2022, 3, 30)), GOUDOU_8, null, Visibility.PUBLIC,
                        null),
                new EventDetails(EventKind.SYMPOSIUM, "孤独・孤立の実態把握に関する全国調査の結果に見る課題の背景と取組",
                        "第1回シンポジウム。孤独・孤立の実態把握に関する全国調査の結果をもとに、課題の背景と取組を考えました。", null, null, true,
                        List.of(), wholeDay(LocalDate.of(2022, 6, 21)), GOUDOU_8, null, Visibility.PUBLIC, null),
                new EventDetails(EventKind.SYMPOSIUM, "「声を上げやすい・声をかけやすい社会」に向けた取組の在り方",
                        "第2回シンポジウム。分科会1のテーマについて、担当幹事団体とともに議論しました。", null, null, true,
                        List.of(org(IBASHO)), wholeDay(LocalDate.of(2022, 10, 26)), GOUDOU_8, null, Visibility.PUBLIC, null));
    }

    void create() {
        // ---- seed 004: what took place in 令和4年度 ----
        for (EventDetails past : seed004()) {
            finished(past);
        }

        // ---- upcoming ----
        LocalDate courseDay = today.plusWeeks(3);
        EventId course = published(new EventDetails(EventKind.TRAINING_COURSE, "つながりサポーター養成講座（標準）",
                "孤独・孤立に悩む人に気づき、声をかけ、話を聴き、必要な支援につなぐための講座です。どなたでも受講できます。",
                CourseLevel.STANDARD, null, true, List.of(), timed(courseDay, 13, 30, 16, 30),
                new Venue("大阪合同庁舎第4号館", "大阪府大阪市中央区大手前4-1-76", "27"), "https://meet.example.jp/supporter-course",
                Visibility.PUBLIC, new jp.kodoku.platform.events.api.RegistrationSettings(40, null, null, 2, 3, 2)));
        member(course, LIFELINK, 2);
        member(course, SHAKYO, 1);
        publicly(course, "山本 さくら", "sakura.yamamoto@example.jp", 1);

        LocalDate workshopDay = today.plusWeeks(6);
        EventId workshop = published(new EventDetails(EventKind.WORKSHOP, "相談から支援へのつなぎ方",
                "孤独・孤立に関する現場課題ワークショップ。相談窓口から地域の支援につなぐ実務の課題を、少人数で話し合います。",
                null, null, true, List.of(org(INOCHI)), timed(workshopDay, 14, 0, 17, 0), GOUDOU_8,
                "https://meet.example.jp/workshop-tsunagi", Visibility.PUBLIC,
                new jp.kodoku.platform.events.api.RegistrationSettings(10, null, null, 3, 7, 3)));
        member(workshop, LIFELINK, 3);
        member(workshop, INOCHI, 3);
        member(workshop, SHAKYO, 2);
        member(workshop, NPO_CENTER, 2);   // now full: 10 seats
        member(workshop, IBASHO, 2);       // waitlisted 1st
        publicly(workshop, "佐々木 健太", "kenta.sasaki@example.jp", 1); // waitlisted 2nd

        published(new EventDetails(EventKind.GENERAL_ASSEMBLY, "令和" + (fiscalYear(today.plusMonths(2)) - 2018) + "年度 総会",
                "会員による総会です。事業報告・事業計画について審議します。", null, null, true, List.of(),
                timed(today.plusMonths(2), 10, 0, 12, 0), GOUDOU_8, "https://meet.example.jp/soukai",
                Visibility.MEMBERS_ONLY, new jp.kodoku.platform.events.api.RegistrationSettings(null, null, null, 2, 7, null)));

        // ---- next May: 孤独・孤立対策強化月間 with member-hosted events ----
        LocalDate may = LocalDate.of(today.getMonthValue() >= 5 ? today.getYear() + 1 : today.getYear(), 5, 1);
        EventId campaign = published(new EventDetails(EventKind.CAMPAIGN, may.getYear() + "年 孤独・孤立対策強化月間",
                "毎年5月は孤独・孤立対策強化月間です。会員団体が各地で開催するイベントをまとめてご案内します。", null, null, true,
                List.of(), new Schedule(may, null, may.withDayOfMonth(31), null), null, null, Visibility.PUBLIC, null));
        proposedAndApproved(new EventDetails(EventKind.CAMPAIGN_EVENT, "いのちの電話 相談員による公開講座",
                "電話相談の現場から、声をかけ合える地域づくりを考えます。", null, campaign, false, List.of(org(INOCHI)),
                timed(may.withDayOfMonth(16), 13, 0, 15, 0), new Venue("日本いのちの電話連盟 研修室", "東京都新宿区", "13"), null,
                Visibility.PUBLIC, new jp.kodoku.platform.events.api.RegistrationSettings(30, null, null, 2, 3, null)),
                org(INOCHI));
        proposedAndApproved(new EventDetails(EventKind.CAMPAIGN_EVENT, "居場所づくりオンライン交流会",
                "全国の居場所づくりに取り組む団体がオンラインで交流します。", null, campaign, false, List.of(org(NPO_CENTER)),
                timed(may.withDayOfMonth(23), 19, 0, 20, 30), null, "https://meet.example.jp/ibasho-kouryu",
                Visibility.PUBLIC, new jp.kodoku.platform.events.api.RegistrationSettings(100, null, null, 1, 1, null)),
                org(NPO_CENTER));
    }

    int registrations() {
        return registrations;
    }

    private void finished(EventDetails details) {
        EventId id = published(details);
        send.accept(new FinishEvent(id, null));
    }

    private EventId published(EventDetails details) {
        EventId id = idOf(details.title());
        send.accept(new ScheduleEvent(id, details));
        send.accept(new PublishEvent(id, null));
        return id;
    }

    private void proposedAndApproved(EventDetails details, OrganizationId proposer) {
        EventId id = idOf(details.title());
        send.accept(new ProposeCampaignEvent(id, proposer, details));
        send.accept(new ApproveCampaignEvent(id, null));
    }

    private void member(EventId event, String organization, int seats) {
        registrations++;
        send.accept(new RegisterMember(event, registrationId(event), org(organization), "demo-admin", seats, null));
    }

    private void publicly(EventId event, String name, String email, int seats) {
        registrations++;
        String token = "demo-" + registrations;
        send.accept(new RequestPublicRegistration(event, registrationId(event), name, email, seats, sha256(token + "-access"),
                sha256(token), token));
        send.accept(new ConfirmPublicRegistration(event, sha256(token)));
    }

    private RegistrationId registrationId(EventId event) {
        return new RegistrationId(UUID.nameUUIDFromBytes(("demo-registration:" + event + ":" + registrations)
                .getBytes(StandardCharsets.UTF_8)).toString());
    }

    private static OrganizationId org(String name) {
        return DemoData.idOf(name);
    }

    private static Schedule wholeDay(LocalDate day) {
        return new Schedule(day, null, day, null);
    }

    private static Schedule timed(LocalDate day, int startHour, int startMinute, int endHour, int endMinute) {
        return new Schedule(day, LocalTime.of(startHour, startMinute), day, LocalTime.of(endHour, endMinute));
    }

    private static int fiscalYear(LocalDate date) {
        return date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
    }

    /** The demo's links are never mailed or shown; only their hashes are stored, as for real registrations. */
    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                                                         .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
