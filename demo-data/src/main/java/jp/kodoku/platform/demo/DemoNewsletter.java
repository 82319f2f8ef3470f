package jp.kodoku.platform.demo;

import jp.kodoku.platform.newsletter.api.*;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The newsletter of the demo (メールマガジン), as the newsletter's public commands: issues sent to everyone with items
 * on the themes of seed 004 (the members' activities, support information, the platform's events, the secretariat's
 * visits to demo members), one with a members-only item that the public archive leaves out; next week's issue as a
 * draft; and member organizations' proposals in each state (waiting, deferred, accepted with an edit into the draft,
 * rejected). Ids derive from names, the same on every machine.
 */
final class DemoNewsletter {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    static final String DRAFT_SUBJECT = "孤独・孤立対策官民連携プラットフォーム メールマガジン（来週号）";

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

    /** The draft of next Monday 9:00 and the proposals; the draft is what the accepted proposal goes into. */
    void createDraftAndProposals() {
        IssueId draft = issueId(DRAFT_SUBJECT);
        LocalDate nextMonday = today.plusDays(8 - today.getDayOfWeek().getValue());
        send.accept(new DraftIssue(draft, DRAFT_SUBJECT, nextMonday.atTime(LocalTime.of(9, 0)).atZone(JAPAN).toInstant()));
        item(draft, "notices", new ItemContent("令和7年度 孤独・孤立対策強化月間の会員イベントを募集しています",
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
