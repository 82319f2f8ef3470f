package jp.kodoku.platform.events.event;

import jp.kodoku.platform.events.api.EventId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class JdbcSymposiumNumbers implements SymposiumNumbers {

    private final JdbcTemplate jdbc;

    JdbcSymposiumNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the next number with an insert that the primary key guards: when two nodes publish at once, both read the
     * same highest number, one insert wins, and the other (ON CONFLICT DO NOTHING, which on PostgreSQL waits for the
     * winner's commit) inserts nothing and tries the number after. The row is written in the publishing transaction,
     * so a publication that rolls back frees its number again and no gap appears.
     */
    @Override
    public int assign(EventId symposium) {
        while (true) {
            List<Integer> held = jdbc.queryForList("SELECT symposium_number FROM symposium_numbers WHERE event_id = ?",
                    Integer.class, symposium.value());
            if (!held.isEmpty()) {
                return held.get(0);
            }
            Integer highest = jdbc.queryForObject("SELECT MAX(symposium_number) FROM symposium_numbers", Integer.class);
            int next = highest == null ? 1 : highest + 1;
            int inserted = jdbc.update("INSERT INTO symposium_numbers (symposium_number, event_id) VALUES (?, ?) "
                    + "ON CONFLICT DO NOTHING", next, symposium.value());
            if (inserted == 1) {
                return next;
            }
        }
    }
}
