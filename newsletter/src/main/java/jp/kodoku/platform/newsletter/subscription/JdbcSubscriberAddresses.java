package jp.kodoku.platform.newsletter.subscription;

import jp.kodoku.platform.newsletter.api.SubscriptionId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class JdbcSubscriberAddresses implements SubscriberAddresses {

    private final JdbcTemplate jdbc;

    JdbcSubscriberAddresses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Two requests for one address at once: one insert wins, the other (waiting for its commit) finds the holder. */
    @Override
    public SubscriptionId claim(String addressHash, SubscriptionId candidate) {
        while (true) {
            List<String> held = jdbc.queryForList(
                    "SELECT subscription_id FROM newsletter_subscriber_addresses WHERE address_hash = ?", String.class,
                    addressHash);
            if (!held.isEmpty()) {
                return new SubscriptionId(held.get(0));
            }
            int inserted = jdbc.update("INSERT INTO newsletter_subscriber_addresses (address_hash, subscription_id) "
                    + "VALUES (?, ?) ON CONFLICT DO NOTHING", addressHash, candidate.value());
            if (inserted == 1) {
                return candidate;
            }
        }
    }

    @Override
    public void release(SubscriptionId subscription) {
        jdbc.update("DELETE FROM newsletter_subscriber_addresses WHERE subscription_id = ?", subscription.value());
    }
}
