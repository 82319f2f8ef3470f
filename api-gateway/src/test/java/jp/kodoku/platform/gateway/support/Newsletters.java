package jp.kodoku.platform.gateway.support;

import jp.kodoku.platform.newsletter.api.*;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

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

    /** The number the issue took when it started going out, from the table that gives them. */
    private static int number(JdbcTemplate jdbc, IssueId issue) {
        return jdbc.queryForObject("SELECT issue_number FROM newsletter_issue_numbers WHERE issue_id = ?", Integer.class,
                issue.value());
    }
}
