package jp.kodoku.platform.membership.organization;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A database sequence: unique across instances; a rolled-back approval leaves a gap, which is harmless. */
@Component
class JdbcMemberNumbers implements MemberNumbers {

    private final JdbcTemplate jdbc;

    JdbcMemberNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int next() {
        Long next = jdbc.queryForObject("SELECT nextval('member_number_seq')", Long.class);
        return Math.toIntExact(next);
    }
}
