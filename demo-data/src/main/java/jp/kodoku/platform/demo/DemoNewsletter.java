package jp.kodoku.platform.demo;

import jp.kodoku.platform.newsletter.api.*;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The newsletter of the demo (メールマガジン), as the newsletter's public commands: issues sent to everyone with items
 * on the themes of seed 004 (the members' activities, support information, the platform's events, the secretariat's
 * visits to demo members), one with a members-only item that the public archive leaves out; next week's issue as a
 * draft; and member organizations' proposals in each state (waiting, deferred, accepted with an edit into the draft,
 * rejected). Ids derive from names, the same on every machine.
 */
final class DemoNewsletter {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    static final String SCHEDULED_SUBJECT = "孤独・孤立対策官民連携プラットフォーム メールマガジン（来週号）";
    static final String DRAFT_SUBJECT = "孤独・孤立対策官民連携プラットフォーム メールマガジン（再来週号）";

    private final Consumer<Object> send;
    private final LocalDate today;

    DemoNewsletter(Consumer<Object> send, LocalDate today) {
        this.send = send;
        this.today = today;
    }

    static IssueId issueId(String subject) {
        return new IssueId(uuid("demo-issue:" + subject));
    }

    static ItemProposalId proposalId(String title) {
        return new ItemProposalId(uuid("demo-proposal:" + title));
    }

    /**
     * Next Monday's issue, scheduled for everyone at 9:00 (db-scheduler sends it then, as any issue), and the draft of
     * the Monday after with the proposals, the accepted one in it.
     */
    void createDraftAndProposals() {
        LocalDate nextMonday = today.plusDays(8 - today.getDayOfWeek().getValue());
        IssueId scheduled = issueId(SCHEDULED_SUBJECT);
        send.accept(new DraftIssue(scheduled, SCHEDULED_SUBJECT, nextMonday.atTime(LocalTime.of(9, 0)).atZone(JAPAN).toInstant()));
        item(scheduled, "support", new ItemContent("ひとり親家庭への相談支援の窓口一覧を更新しました",
                "各都道府県のひとり親家庭の相談窓口を一覧にまとめ直しました。夜間・休日に相談できる窓口も載せています。", null, false));
        item(scheduled, "visits", new ItemContent("事務局訪問記：日本NPOセンターを訪ねて",
                "全国のNPO支援センターとの連携と、地域で活動する団体の基盤づくりの取組についてお話を伺いました。", null, false));
        send.accept(new ScheduleIssue(scheduled, null));

        IssueId draft = issueId(DRAFT_SUBJECT);
        send.accept(new DraftIssue(draft, DRAFT_SUBJECT, nextMonday.plusWeeks(1).atTime(LocalTime.of(9, 0)).atZone(JAPAN).toInstant()));
        item(draft, "notices", new ItemContent("孤独・孤立対策強化月間の会員イベントを募集しています",
                "5月の強化月間に会員団体が開く催しを募集しています。会員ページの「イベント」から提案してください。\n\n"
                        + "- 募集締切：3月31日\n- 承認された催しはイベントカレンダーに掲載します", null, false));
        item(draft, "visits", new ItemContent("事務局訪問記：日本いのちの電話連盟を訪ねて",
                "全国の相談センターをつなぐ連盟の事務局を訪ね、**相談員の養成**と夜間の相談体制についてお話を伺いました。"
                        + "相談が集中する時間帯に備えた各センターの工夫が印象的でした。", null, false));

        proposed(DemoEvents.IBASHO, ProposalKind.ACTIVITY_REPORT, "24時間チャット相談の利用状況（令和6年度上半期）",
                "上半期に寄せられた相談は約4万件で、うち半数が10代・20代からでした。深夜帯の相談が増えています。\n\n"
                        + "詳しい報告書をウェブサイトで公開しています。", "https://talkme.jp/");
        ItemProposalId deferred = proposed(DemoEvents.SHAKYO, ProposalKind.SUPPORT_INFORMATION,
                "地域の居場所づくり助成（令和7年度）のご案内",
                "地域で居場所づくりに取り組む団体を対象に、1団体あたり最大100万円を助成します。応募は6月末まで。", null);
        send.accept(new DeferProposal(deferred, null, "6月第1週の号で支援情報の特集を組むため、そちらで紹介します。"));
        ItemProposalId accepted = proposed(DemoEvents.LIFELINK, ProposalKind.EVENT, "自殺対策オンライン講演会のお知らせ",
                "当団体主催のオンライン講演会を開きます。どなたでも無料で参加できます！！　ぜひぜひご参加ください！！",
                "https://www.lifelink.or.jp/");
        send.accept(new AcceptProposal(accepted, null, draft, new ItemContent("自殺対策オンライン講演会のお知らせ（ライフリンク）",
                "自殺対策支援センターライフリンクが、オンライン講演会を開きます。参加は無料で、どなたでも申し込めます。",
                "https://www.lifelink.or.jp/", false)));
        ItemProposalId rejected = proposed(DemoEvents.NPO_CENTER, ProposalKind.EVENT, "NPO向け会計ソフトの特別販売会",
                "会員価格で会計ソフトを販売します。", null);
        send.accept(new RejectProposal(rejected, null, "物品の販売の案内は掲載の対象外です（掲載基準第3条）。"));
    }

    /**
     * Issues that went out before the demo started, recorded as the issue's commands record any issue: scheduled for
     * a segment, started, and marked sent at once, so nothing is mailed (the sending pipeline skips an issue already
     * sent). Their numbers (第1号 …) are given in this order; their sending time is the demo's start, since the
     * commands keep time themselves. Three went to everyone (the public archive shows them), one to members only.
     */
    void createSentIssues() {
        sent("孤独・孤立対策官民連携プラットフォーム メールマガジン 創刊号", Segment.EVERYONE,
                planned("notices", "メールマガジンを創刊しました",
                        "官民連携プラットフォームの会員と関係者の皆さまに、**会員の活動**や**支援情報**、催しのお知らせを週1回程度お届けします。"),
                planned("member-activities", "あなたのいばしょ：24時間365日のチャット相談を続けています",
                        "年齢や性別を問わず、誰でも無料・匿名で利用できるチャット相談窓口です。相談員は国内外のボランティアが担っています。"),
                planned("events", "第1回シンポジウム「孤独・孤立の実態把握に関する全国調査の結果に見る課題の背景と取組」",
                        "全国調査の結果をもとに、孤独・孤立の課題の背景と取組を考えました。当日の資料は事務局ページで公開しています。"),
                planned("visits", "事務局訪問記：全国社会福祉協議会を訪ねて",
                        "地域の社会福祉協議会による居場所づくりと、生活福祉資金の相談の現場についてお話を伺いました。"));
        sent("孤独・孤立対策官民連携プラットフォーム メールマガジン 分科会だより号", Segment.EVERYONE,
                planned("notices", "3つの分科会が活動しています",
                        "分科会1「声を上げやすい・声をかけやすい社会」、分科会2「地域における包括的支援」、分科会3「相談支援の相互連携」。"
                                + "各分科会の検討成果はウェブサイトで公開しています。"),
                planned("support", "孤独・孤立対策に取り組むNPO等への助成のご案内",
                        "地域で孤独・孤立対策に取り組むNPO等を対象とした助成の募集が始まりました。\n\n- 対象：法人格のある非営利団体\n- 締切：募集要項をご確認ください"),
                plannedForMembers("notices", "【会員限定】幹事会の開催結果",
                        "幹事会で次年度の事業計画案と分科会の体制について意見を交わしました。議事要旨は会員ページに掲載しています。"));
        sent("孤独・孤立対策官民連携プラットフォーム メールマガジン 強化月間特集号", Segment.EVERYONE,
                planned("notices", "5月は「孤独・孤立対策強化月間」です",
                        "強化月間には会員団体が全国で催しを開きます。イベントカレンダーで、お近くの催しを探してみてください。"),
                planned("member-activities", "日本いのちの電話連盟：相談員の養成講座を開いています",
                        "全国の相談センターで、電話相談のボランティア相談員を養成する講座を開いています。"),
                planned("visits", "事務局訪問記：自殺対策支援センターライフリンクを訪ねて",
                        "SNS相談と地域の支援機関をつなぐ取組と、自治体との連携についてお話を伺いました。"));
        sent("孤独・孤立対策官民連携プラットフォーム 会員向けメールマガジン 総会のご案内",
                new Segment(Audience.MEMBERS, Set.of(), Set.of(), Set.of(), Set.of()),
                planned("notices", "定時総会のご案内", "定時総会を開きます。議決権の行使について、会員ページからご確認ください。"));
    }

    /** An item of a demo issue: its section and its text. */
    private record Planned(String section, ItemContent content) {
    }

    private static Planned planned(String section, String title, String body) {
        return new Planned(section, new ItemContent(title, body, null, false));
    }

    private static Planned plannedForMembers(String section, String title, String body) {
        return new Planned(section, new ItemContent(title, body, null, true));
    }

    private void sent(String subject, Segment segment, Planned... items) {
        IssueId issue = issueId(subject);
        send.accept(new DraftIssue(issue, subject, Instant.now().plus(Duration.ofHours(1))));
        for (Planned planned : items) {
            item(issue, planned.section(), planned.content());
        }
        send.accept(new ScheduleIssue(issue, null, segment));
        send.accept(new StartSendingIssue(issue, null, true));
        send.accept(new MarkIssueSent(issue, 0, 0));
    }

    /** Consent wording of the public form the demo subscribers agreed to. */
    static final String WORDING = "2022-03";
    static final List<String> SUBSCRIBERS = List.of("sato.hanako@example.jp", "suzuki.ichiro@example.jp",
            "takahashi.yoko@example.jp", "tanaka.ken@example.jp", "ito.misaki@example.jp", "watanabe.jun@example.jp");

    /**
     * People of the public on the list, through the public form's commands: four confirmed their subscription, one
     * confirmed and left again (the ledger keeps both), one has not confirmed yet (so gets nothing).
     */
    void createPublicSubscribers(Function<SubscriptionId, String> mailedToken) {
        for (int i = 0; i < SUBSCRIBERS.size(); i++) {
            SubscriptionId id = new SubscriptionId(uuid("demo-subscriber:" + SUBSCRIBERS.get(i)));
            send.accept(new RequestSubscription(id, SUBSCRIBERS.get(i), WORDING));
            if (i == SUBSCRIBERS.size() - 1) {
                continue;
            }
            send.accept(new ConfirmSubscription(id, mailedToken.apply(id)));
            if (i == SUBSCRIBERS.size() - 2) {
                send.accept(new Unsubscribe(id, UnsubscribeChannel.LINK));
            }
        }
    }

    private ItemProposalId proposed(String organization, ProposalKind kind, String title, String body, String link) {
        ItemProposalId id = proposalId(title);
        send.accept(new ProposeItem(id, DemoData.idOf(organization), kind, new ItemContent(title, body, link, false)));
        return id;
    }

    private void item(IssueId issue, String section, ItemContent content) {
        send.accept(new AddItem(issue, null, new ItemId(uuid("demo-item:" + issue.value() + ":" + content.title())),
                section, content));
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
