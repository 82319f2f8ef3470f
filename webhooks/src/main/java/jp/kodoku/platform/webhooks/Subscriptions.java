package jp.kodoku.platform.webhooks;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The table {@code webhook_subscriptions}, for both features: subscribing changes it, delivering reads it (and
 * disables a subscription whose deliveries failed for too long). Every change raises the row's version.
 */
@Component
public class Subscriptions {

    private static final String COLUMNS = "id, client_id, organization_id, url, event_types, scopes, secret, "
                                          + "previous_secret, previous_secret_until, state, disabled_reason, "
                                          + "disabled_at, version, created_at";

    private final JdbcTemplate jdbc;

    Subscriptions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void add(Subscription s, String createdBy) {
        Timestamp now = Timestamp.from(s.createdAt());
        jdbc.update("INSERT INTO webhook_subscriptions (" + COLUMNS + ", created_by, updated_at, from_position) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, 'active', NULL, NULL, 0, ?, ?, ?, "
                    + "(SELECT COALESCE(MAX(globalindex), -1) FROM domainevententry))",
                    s.id(), s.clientId(), s.organizationId(), s.url(), String.join(" ", s.eventTypes()),
                    String.join(" ", s.scopes()), s.secret(), now, createdBy, now);
    }

    public Optional<Subscription> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_subscriptions WHERE id = ?", ROW, id).stream()
                   .findFirst();
    }

    /** The client's own subscription; another client's is not found. */
    public Optional<Subscription> findOf(String id, String clientId) {
        return find(id).filter(s -> s.clientId().equals(clientId));
    }

    public List<Subscription> of(String clientId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_subscriptions WHERE client_id = ? ORDER BY created_at, id",
                          ROW, clientId);
    }

    /** These subscriptions, those that still exist, in one query. */
    public List<Subscription> find(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_subscriptions WHERE id IN ("
                          + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")", ROW, ids.toArray());
    }

    /**
     * Every active subscription, with the stream's head when it was made: the delivering processor reads them once
     * per batch of events and asks each whether it receives an event ({@link Receiving#receives}); the caller checks
     * their scopes.
     */
    public List<Receiving> active() {
        return jdbc.query("SELECT " + COLUMNS + ", from_position FROM webhook_subscriptions WHERE state = 'active'",
                          (row, n) -> new Receiving(ROW.mapRow(row, n), row.getLong(15)));
    }

    /** An active subscription and the stream's head when it was made. */
    public record Receiving(Subscription subscription, long fromPosition) {

        /**
         * Whether it receives an event of this type stored at this position: subscribed to the type, and made before
         * the event was stored (events at or before its head go only through a replay the client asks for).
         */
        public boolean receives(String type, long position) {
            return position > fromPosition && subscription.eventTypes().contains(type);
        }
    }

    public void rotateSecret(String id, String secret, String previousSecret, Instant previousUntil, Instant now) {
        jdbc.update("UPDATE webhook_subscriptions SET secret = ?, previous_secret = ?, previous_secret_until = ?, "
                    + "version = version + 1, updated_at = ? WHERE id = ?",
                    secret, previousSecret, previousUntil == null ? null : Timestamp.from(previousUntil),
                    Timestamp.from(now), id);
    }

    /** Disables an active subscription; whether it was active. */
    public boolean disable(String id, String reason, Instant now) {
        return jdbc.update("UPDATE webhook_subscriptions SET state = 'disabled', disabled_reason = ?, disabled_at = ?, "
                           + "version = version + 1, updated_at = ? WHERE id = ? AND state = 'active'",
                           reason, Timestamp.from(now), Timestamp.from(now), id) > 0;
    }

    public void enable(String id, Instant now) {
        jdbc.update("UPDATE webhook_subscriptions SET state = 'active', disabled_reason = NULL, disabled_at = NULL, "
                    + "version = version + 1, updated_at = ? WHERE id = ?", Timestamp.from(now), id);
    }

    public void remove(String id) {
        jdbc.update("DELETE FROM webhook_subscriptions WHERE id = ?", id);
    }

    private static final RowMapper<Subscription> ROW = (row, n) -> new Subscription(
            row.getString(1), row.getString(2), row.getString(3), row.getString(4), words(row.getString(5)),
            Set.copyOf(words(row.getString(6))), row.getString(7), row.getString(8), instant(row.getTimestamp(9)),
            "active".equals(row.getString(10)), row.getString(11), instant(row.getTimestamp(12)), row.getLong(13),
            instant(row.getTimestamp(14)));

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(" ")).toList();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** Secrets as stored, sealed ({@link SubscriptionSecrets}); never logged (toString leaves them out). */
    public record Subscription(String id, String clientId, String organizationId, String url, List<String> eventTypes,
                               Set<String> scopes, String secret, String previousSecret,
                               Instant previousSecretUntil, boolean active, String disabledReason,
                               Instant disabledAt, long version, Instant createdAt) {

        /** The secrets that sign a delivery now: the current one, and the previous one during its overlap. */
        public List<String> signingSecrets(Instant now) {
            return previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)
                    ? List.of(secret, previousSecret) : List.of(secret);
        }

        @Override
        public String toString() {
            return "Subscription[" + id + " of " + clientId + " to " + url + ", types "
                   + eventTypes.stream().collect(Collectors.joining(" ")) + ", v" + version + "]";
        }
    }
}
