package jp.kodoku.platform.gateway.pages;

import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Browser;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Newsletters;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.TestTokens;
import jp.kodoku.platform.gateway.support.WebSignIn;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newsletter in a real headless Chromium with axe-core on every page (support.Browser): a member admin proposes an
 * item (a mistake first, announced and linked), the secretariat drafts an issue, takes the proposal into it with an
 * edit, and the member admin sees it accepted with both texts; a visitor reads the public archive and an issue in it.
 */
class NewsletterJourneyTest extends ApiTest {

    @Autowired
    private CommandGateway commands;

    private String base;

    @BeforeEach
    void platform() {
        base = WebSignIn.allowReturnTo(port);
    }

    @Test
    void a_member_proposes_the_secretariat_takes_it_into_an_issue_edited_and_the_member_sees_both_texts() {
        String organization = new Members(api).activeMember(Samples.application());
        String[] memberAdmin = TestTokens.memberAdminSignIn(organization);
        String subject = "メールマガジン ジャーニー号 " + System.nanoTime();
        awaitProjections();

        try (Browser member = new Browser("newsletter-proposal")) {
            member.open(base + "/");
            WebSignIn.signIn(member, base, memberAdmin[0], memberAdmin[1]);
            member.find("nav.site-nav a[href='/my-organization/newsletter-proposals']").click();
            member.awaitHeading("メールマガジンへの掲載依頼");
            member.checkPage("my-proposals-empty");

            new Select(member.find("#field-kind")).selectByValue("ACTIVITY_REPORT");
            member.find("#field-link").sendKeys("javascript:alert(1)");
            member.find("main form[action='/my-organization/newsletter-proposals'] button[type=submit]").click();
            member.awaitHeading("メールマガジンへの掲載依頼");
            assertThat(member.find(".error-summary").getText()).contains("入力内容を確認してください");
            assertThat(member.all(".error-summary a").stream().map(a -> a.getDomAttribute("href")).toList())
                    .contains("#field-title", "#field-body", "#field-link");
            member.checkPage("my-proposals-errors");

            member.find("#field-title").sendKeys("こども食堂の新しい拠点が開所しました");
            member.find("#field-body").sendKeys("4月から毎週土曜日に開所します。<script>alert(1)</script>");
            member.find("#field-link").clear();
            member.find("#field-link").sendKeys("https://sakura.example.jp/news");
            member.find("main form[action='/my-organization/newsletter-proposals'] button[type=submit]").click();
            member.awaitFlash("掲載を依頼しました。");
        }
        awaitProjections();

        try (Browser secretariat = new Browser("newsletter-secretariat")) {
            secretariat.open(base + "/");
            WebSignIn.signIn(secretariat, base, "jimukyoku", "jimukyoku-demo");
            secretariat.find("nav.site-nav a[href='/secretariat/newsletter']").click();
            secretariat.awaitHeading("メールマガジン管理");
            secretariat.checkPage("secretariat-issues");

            secretariat.find("#field-subject").sendKeys(subject);
            // a date input takes keystrokes in the browser's locale order; the value is what the form sends
            secretariat.driver().executeScript("arguments[0].value = arguments[1]", secretariat.find("#field-plannedDate"),
                    LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(7).toString());
            secretariat.find("form[action='/secretariat/newsletter/issues'] button[type=submit]").click();
            secretariat.awaitHeading(subject);
            secretariat.checkPage("secretariat-issue-draft");
            String issuePath = secretariat.driver().getCurrentUrl().substring(base.length());
            awaitProjections();

            secretariat.open(base + "/secretariat/newsletter/proposals");
            secretariat.awaitHeading("メールマガジンの掲載依頼");
            secretariat.checkPage("proposal-queue");
            secretariat.all("table a").stream().filter(a -> a.getText().equals("こども食堂の新しい拠点が開所しました"))
                       .findFirst().orElseThrow().click();
            secretariat.awaitHeading("掲載依頼：こども食堂の新しい拠点が開所しました");
            secretariat.checkPage("proposal-decision");
            new Select(secretariat.find("#field-issueId")).selectByVisibleText(subject);
            secretariat.find("#field-title").clear();
            secretariat.find("#field-title").sendKeys("さくら こども食堂 新拠点のお知らせ");
            secretariat.find("form[action$='/acceptance'] button[type=submit]").click();
            secretariat.awaitFlash("号に掲載しました。");
            awaitProjections();

            secretariat.open(base + issuePath);
            secretariat.awaitHeading(subject);
            assertThat(secretariat.all(".newsletter-item h4").stream().map(h -> h.getText()).toList())
                    .contains("さくら こども食堂 新拠点のお知らせ");
            // the body's markup was shown as text, never run
            assertThat(secretariat.driver().getPageSource()).doesNotContain("<script>alert(1)</script>");
            secretariat.checkPage("secretariat-issue-with-item");

            secretariat.find("a[href*='/preview'][href$='audience=PUBLIC']").click();
            secretariat.awaitHeading("プレビュー：" + subject);
            assertThat(secretariat.find("pre.mail-preview").getText()).contains("さくら こども食堂 新拠点のお知らせ");
            secretariat.checkPage("secretariat-preview");
            secretariat.open(base + issuePath);
            secretariat.awaitHeading(subject);
            assertThat(secretariat.all("#field-audience label").stream().map(l -> l.getText()).toList())
                    .anyMatch(label -> label.startsWith("全員") && label.contains("件"));
            secretariat.find("form[action$='/scheduling'] button[type=submit]").click();
            secretariat.awaitFlash("配信を予約しました。");
            secretariat.checkPage("secretariat-issue-scheduled");
        }

        try (Browser member = new Browser("newsletter-proposal-accepted")) {
            member.open(base + "/");
            WebSignIn.signIn(member, base, memberAdmin[0], memberAdmin[1]);
            member.open(base + "/my-organization/newsletter-proposals");
            member.awaitHeading("メールマガジンへの掲載依頼");
            String page = member.find("main").getText();
            assertThat(page).contains("掲載決定", "事務局が整えた文章", "さくら こども食堂 新拠点のお知らせ",
                    "こども食堂の新しい拠点が開所しました");
            member.checkPage("my-proposals-accepted");
        }
    }

    @Test
    void a_visitor_reads_the_archive_by_fiscal_year_and_an_issue_without_its_members_only_items() {
        int number = Newsletters.sentToEveryone(commands, jdbc, "メールマガジン 公開ジャーニー号");
        awaitProjections();

        try (Browser visitor = new Browser("newsletter-archive")) {
            visitor.open(base + "/");
            visitor.find("nav.site-nav a[href='/newsletter']").click();
            visitor.awaitHeading("メールマガジン バックナンバー");
            visitor.checkPage("archive");
            visitor.all(".archive a").stream().filter(a -> a.getText().startsWith("第" + number + "号"))
                   .findFirst().orElseThrow().click();
            visitor.awaitHeading("第" + number + "号 メールマガジン 公開ジャーニー号");
            String page = visitor.find("main").getText();
            assertThat(page).contains(Newsletters.PUBLIC_ITEM).doesNotContain(Newsletters.MEMBERS_ONLY_ITEM);
            visitor.checkPage("archived-issue");
        }
    }
}
