package jp.kodoku.platform.demo;

import jp.kodoku.platform.newsletter.api.*;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The newsletter of the demo (メールマガジン), as the newsletter's public commands: a year of weekly issues from late
 * March 2022 ({@link DemoNewsletterYear}: the members' activities, support information, the platform's events, the
 * secretariat's visits to demo members; one members-only item the public archive leaves out, one issue to members
 * only), recorded as sent on their dates; next week's issue scheduled, the one after as a draft; and member
 * organizations' proposals in each state (waiting, deferred, accepted with an edit into the draft, rejected). Ids
 * derive from names, the same on every machine.
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
     * The year of weekly issues from late March 2022 ({@link DemoNewsletterYear}), imported as issues that went out
     * before the platform kept the newsletter: sent on their own dates with their numbers 第1号 …, nothing mailed.
     * Returns how many.
     */
    int createSentIssues(List<DemoOrganizations.PlannedOrganization> plan) {
        List<ImportSentIssue> issues = DemoNewsletterYear.issues(plan);
        issues.forEach(send);
        return issues.size();
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
