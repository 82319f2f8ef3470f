package jp.kodoku.platform.gateway.newsletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Newsletters;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public archive through the real HTTP API, without a token: an issue sent to everyone is there, by its fiscal
 * year, without its members-only items and with its scripts shown as text; an issue sent to members only is not; the
 * Atom feed is RFC 4287 as Rome reads it.
 */
class NewsletterArchiveApiTest extends ApiTest {

    @Autowired
    private CommandGateway commands;

    private static int thisFiscalYear() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        return today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
    }

    @Test
    void an_issue_sent_to_everyone_is_public_without_its_members_only_items_and_nothing_of_a_recipient() {
        int number = Newsletters.sentToEveryone(commands, jdbc, "メールマガジン 公開号");
        awaitProjections();

        JsonNode list = api.get("/api/v1/newsletter/archive?fiscalYear=" + thisFiscalYear()).send().json();
        assertThat(list.findValuesAsText("number")).contains(String.valueOf(number));

        Api.Response issue = api.get("/api/v1/newsletter/archive/" + number).send();
        assertThat(issue.status()).as(issue.toString()).isEqualTo(200);
        assertThat(issue.json().get("subject").asText()).isEqualTo("メールマガジン 公開号");
        assertThat(issue.json().get("sections").findValuesAsText("title"))
                .contains("支援情報", Newsletters.PUBLIC_ITEM).doesNotContain(Newsletters.MEMBERS_ONLY_ITEM, "お知らせ");
        assertThat(issue.json().findValuesAsText("bodyHtml")).singleElement().asString()
                .contains("&lt;script&gt;").doesNotContain("<script");
        assertThat(issue.text()).doesNotContainIgnoringCase("unsubscribe").doesNotContain("@", "delivered", "recipients");
    }

    @Test
    void an_issue_sent_to_members_only_is_neither_in_the_archive_nor_in_the_feed() {
        int number = Newsletters.sentToMembers(commands, jdbc, "メールマガジン 会員向け臨時号");
        awaitProjections();

        assertThat(api.get("/api/v1/newsletter/archive/" + number).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/newsletter/archive").send().json().findValuesAsText("number"))
                .doesNotContain(String.valueOf(number));
        assertThat(api.get("/api/v1/newsletter/issues.atom").send().text()).doesNotContain("会員向け臨時号");
    }

    @Test
    void the_feed_is_atom_as_rome_reads_it_with_each_public_issue_as_an_entry() throws Exception {
        int number = Newsletters.sentToEveryone(commands, jdbc, "メールマガジン フィード号");
        awaitProjections();

        Api.Response response = api.get("/api/v1/newsletter/issues.atom").send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/atom+xml");
        Feed feed = (Feed) new WireFeedInput().build(new StringReader(response.text()));

        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getId()).startsWith("tag:");
        assertThat(feed.getTitle()).isNotBlank();
        assertThat(feed.getUpdated()).isNotNull();
        assertThat(feed.getAuthors()).isNotEmpty();
        assertThat(feed.getOtherLinks()).extracting(Link::getRel).contains("self");
        assertThat(feed.getEntries()).allSatisfy(e -> {
            assertThat(e.getId()).startsWith("tag:");
            assertThat(e.getTitle()).isNotBlank();
            assertThat(e.getUpdated()).isNotNull();
            assertThat(e.getAlternateLinks()).isNotEmpty();
        });
        Entry entry = feed.getEntries().stream().filter(e -> e.getTitle().equals("第" + number + "号 メールマガジン フィード号"))
                          .findFirst().orElseThrow();
        assertThat(entry.getAlternateLinks().get(0).getHref()).endsWith("/newsletter/issues/" + number);
        assertThat(entry.getContents().get(0).getType()).isEqualTo("html");
        assertThat(entry.getContents().get(0).getValue()).contains(Newsletters.PUBLIC_ITEM, "&lt;script&gt;")
                                                         .doesNotContain(Newsletters.MEMBERS_ONLY_ITEM, "<script");
    }

    @Test
    void an_unknown_number_and_a_year_before_the_platform_are_problems() {
        assertThat(api.get("/api/v1/newsletter/archive/999999").send().status()).isEqualTo(404);
        Api.Response year = api.get("/api/v1/newsletter/archive?fiscalYear=1999").send();
        assertThat(year.status()).isEqualTo(400);
        assertThat(year.text()).contains("fiscalYear");
    }
}
