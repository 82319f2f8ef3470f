package jp.kodoku.platform.newsletter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/**
 * The newsletter's secret key for unsubscribe tokens: made once at random and kept in the system-of-record database
 * ({@code newsletter_keys}), so every node signs and checks alike and no operator has to invent one. The first node
 * to need it inserts it; a racing node's insert does nothing and both read the winner's.
 */
@Configuration(proxyBeanMethods = false)
class NewsletterKey {

    @Bean
    UnsubscribeLinks unsubscribeLinks(JdbcTemplate jdbc) {
        return new UnsubscribeLinks(new StoredKey(jdbc));
    }

    private static final class StoredKey implements Supplier<byte[]> {

        private final JdbcTemplate jdbc;
        private volatile byte[] key;

        StoredKey(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public byte[] get() {
            if (key == null) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                jdbc.update("INSERT INTO newsletter_keys (name, secret) VALUES ('unsubscribe', ?) ON CONFLICT DO NOTHING",
                        Base64.getEncoder().encodeToString(fresh));
                List<String> stored = jdbc.queryForList("SELECT secret FROM newsletter_keys WHERE name = 'unsubscribe'",
                        String.class);
                key = Base64.getDecoder().decode(stored.get(0));
            }
            return key;
        }
    }
}
