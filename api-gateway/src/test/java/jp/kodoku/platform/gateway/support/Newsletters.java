package jp.kodoku.platform.gateway.support;

import com.icegreen.greenmail.util.GreenMail;
import jp.kodoku.platform.newsletter.api.*;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issues that have gone out, made with the issue's own commands: drafted with a public item (whose body tries a
 * script) and a members-only one, scheduled for a segment, started at once and recorded as sent at once (so nothing is mailed: the
 * sending pipeline skips an issue already sent, as for past issues). What the archive tests need.
 */
public final class Newsletters {

    public static final String PUBLIC_ITEM = "居場所づくり助成の募集（締切6月30日）";
    public static final String PUBLIC_BODY = "1団体あたり最大100万円を助成します。<script>alert('archive')</script>";
    public static final String MEMBERS_ONLY_ITEM = "会員限定：幹事会の議事要旨";

    private Newsletters() {
    }

    /** Sent to everyone (members' contacts and public subscribers); returns its number (第N号). */
    public static int sentToEveryone(CommandGateway commands, JdbcTemplate jdbc, String subject) {
        return sent(commands, jdbc, subject, Segment.EVERYONE);
    }

    /** Sent to members' contacts only; returns its number. */
    public static int sentToMembers(CommandGateway commands, JdbcTemplate jdbc, String subject) {
        return sent(commands, jdbc, subject, new Segment(Audience.MEMBERS, Set.of(), Set.of(), Set.of(), Set.of()));
    }

    private static int sent(CommandGateway commands, JdbcTemplate jdbc, String subject, Segment segment) {
        IssueId issue = IssueId.random();
        commands.sendAndWait(new DraftIssue(issue, subject, Instant.now().plus(Duration.ofHours(1))));
        commands.sendAndWait(new AddItem(issue, null, ItemId.random(), "support",
                new ItemContent(PUBLIC_ITEM, PUBLIC_BODY, "https://grant.example.jp/2026", false)));
        commands.sendAndWait(new AddItem(issue, null, ItemId.random(), "notices",
                new ItemContent(MEMBERS_ONLY_ITEM, "幹事会で次年度の事業計画案を確認しました。", null, true)));
        commands.sendAndWait(new ScheduleIssue(issue, null, segment));
        commands.sendAndWait(new StartSendingIssue(issue, null, true));
        commands.sendAndWait(new MarkIssueSent(issue, 0, 0));
        return number(jdbc, issue);
    }

    /** The confirmation link a subscription's mail carries: the subscription's id and the token. */
    public static final Pattern CONFIRMATION_LINK =
            Pattern.compile("/newsletter/subscriptions/([0-9a-f-]{36})/confirm\\?token=([A-Za-z0-9_-]+)");

    /** A public subscriber who subscribed and confirmed through the mailed link (double opt-in); returns its id. */
    public static String confirmedSubscriber(Api api, GreenMail greenMail, String address) {
        Api.Response requested = api.post("/api/v1/newsletter/subscriptions")
                                    .body(Map.of("email", address, "wordingVersion", "2026-04")).send();
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        Matcher link = CONFIRMATION_LINK.matcher(Mailbox.awaitMatch(greenMail, address, CONFIRMATION_LINK));
        assertThat(link.find()).isTrue();
        Api.Response confirmed = api.post("/api/v1/newsletter/subscriptions/" + link.group(1) + "/confirmation")
                                    .body(Map.of("token", link.group(2))).send();
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        return link.group(1);
    }

    /**
     * The organization's first contact's address bounced for good (a 5.1.1 report, recorded as the bounce mailbox's
     * reader records it), which suspends it; returns the address.
     */
    public static String hardBounceOfFirstContact(Api api, CommandGateway commands, String organizationId) {
        com.fasterxml.jackson.databind.JsonNode contact = api.get("/api/v1/organizations/" + organizationId)
                .token(TestTokens.secretariat()).send().json().get("contacts").get(0);
        String email = contact.get("email").asText();
        commands.sendAndWait(new RecordBounce(SubscriptionId.ofContact(
                new jp.kodoku.platform.membership.api.ContactId(contact.get("contactId").asText())),
                "<report-" + java.util.UUID.randomUUID() + "@mx.example.jp>", "5.1.1",
                "smtp; 550 5.1.1 <" + email + ">: Recipient address rejected: User unknown", null, Instant.now()));
        return email;
    }

    /** The number the issue took when it started going out, from the table that gives them. */
    private static int number(JdbcTemplate jdbc, IssueId issue) {
        return jdbc.queryForObject("SELECT issue_number FROM newsletter_issue_numbers WHERE issue_id = ?", Integer.class,
                issue.value());
    }
}
