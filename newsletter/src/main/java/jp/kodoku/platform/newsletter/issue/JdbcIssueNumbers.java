package jp.kodoku.platform.newsletter.issue;

import jp.kodoku.platform.newsletter.api.IssueId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class JdbcIssueNumbers implements IssueNumbers {

    private final JdbcTemplate jdbc;

    JdbcIssueNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The insert guarded by the primary key decides a race between two nodes: both read the same highest number, one
     * insert wins, the other (ON CONFLICT DO NOTHING waits for the winner's commit on PostgreSQL) inserts nothing and
     * tries the number after. Written in the transaction that starts the sending, so a start that rolls back leaves
     * no gap.
     */
    @Override
    public int assign(IssueId issue) {
        while (true) {
            List<Integer> held = jdbc.queryForList("SELECT issue_number FROM newsletter_issue_numbers WHERE issue_id = ?",
                    Integer.class, issue.value());
            if (!held.isEmpty()) {
                return held.get(0);
            }
            Integer highest = jdbc.queryForObject("SELECT MAX(issue_number) FROM newsletter_issue_numbers", Integer.class);
            int next = highest == null ? 1 : highest + 1;
            int inserted = jdbc.update("INSERT INTO newsletter_issue_numbers (issue_number, issue_id) VALUES (?, ?) "
                    + "ON CONFLICT DO NOTHING", next, issue.value());
            if (inserted == 1) {
                return next;
            }
        }
    }
}
