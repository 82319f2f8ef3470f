package jp.kodoku.platform.webhooks;

import jp.kodoku.platform.infra.personaldata.PersonalDataVault;
import jp.kodoku.platform.infra.personaldata.SealedValue;
import jp.kodoku.platform.webhooks.Subscriptions.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signing secrets at rest: sealed with infra's {@link PersonalDataVault} (AES-GCM, one key per subscription in
 * {@code personal_data_keys}), so that {@code webhook_subscriptions} alone (a dump, an export, a log of a query) holds
 * no secret that signs, and removing a subscription destroys its key (ADR 0046). Only the sending worker opens them,
 * and keeps them opened for a few minutes ({@link #KEEP_OPENED}). The secret that a rotation keeps signing beside the
 * new one stays sealed as it was.
 *
 * <p>Rows written before the secrets were sealed hold the secret itself ({@value #PLAIN}…): they are sealed when a node
 * starts, and read as they are until then.
 */
@Component
public class SubscriptionSecrets {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionSecrets.class);
    /** How a secret itself begins (Standard Webhooks); a sealed one is base64 of random bytes first. */
    static final String PLAIN = "whsec_";

    /**
     * How long an opened secret is kept in this node's memory. Opening one reads its key from the database, and the
     * workers sign every batch: once per subscription and batch, that was a round trip per subscription in every batch
     * (ADR 0050). A rotation stores a new sealed value (not found here, so opened afresh); a removed subscription has
     * no rows left to sign, and its entries are dropped here at once on the node that removed it, elsewhere when they
     * expire.
     */
    private static final Duration KEEP_OPENED = Duration.ofMinutes(5);
    private static final int MOST_OPENED = 10_000;

    private final PersonalDataVault vault;
    private final JdbcTemplate jdbc;
    /** By subscription id and sealed value. */
    private final Map<String, Opened> opened = new ConcurrentHashMap<>();

    SubscriptionSecrets(PersonalDataVault vault, JdbcTemplate jdbc) {
        this.vault = vault;
        this.jdbc = jdbc;
    }

    /** The secret as it is to be stored. */
    public String seal(String subscriptionId, String secret) {
        return vault.seal(subject(subscriptionId), secret)[0].ciphertext();
    }

    /** The secrets that sign a delivery now, opened: the current one, and the previous one during its overlap. */
    public List<String> signing(Subscription subscription, Instant now) {
        return subscription.signingSecrets(now).stream().map(stored -> open(subscription.id(), stored)).toList();
    }

    /** The subscription is gone: its key goes too, and with it every copy of its secrets. */
    public void forget(String subscriptionId) {
        vault.erase(subject(subscriptionId));
        opened.keySet().removeIf(key -> key.startsWith(subscriptionId + " "));
    }

    private String open(String subscriptionId, String stored) {
        if (stored.startsWith(PLAIN)) {
            return stored;
        }
        String key = subscriptionId + " " + stored;
        Instant now = Instant.now();
        Opened kept = opened.get(key);
        if (kept != null && now.isBefore(kept.until())) {
            return kept.secret();
        }
        String secret = vault.unseal(new SealedValue(subject(subscriptionId), stored))
                             .orElseThrow(() -> new IllegalStateException("the key of subscription " + subscriptionId
                                                                          + " is gone"));
        if (opened.size() >= MOST_OPENED) {
            opened.clear();
        }
        opened.put(key, new Opened(secret, now.plus(KEEP_OPENED)));
        return secret;
    }

    private record Opened(String secret, Instant until) {
    }

    /**
     * Seals the secrets still stored as they are. Each row is changed only if it still holds what was read, so two
     * nodes starting together seal it once.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void sealPlainSecrets() {
        List<Object[]> plain = jdbc.query("SELECT id, secret, previous_secret FROM webhook_subscriptions WHERE secret LIKE ? "
                                          + "OR previous_secret LIKE ?",
                                          (r, n) -> new Object[]{r.getString(1), r.getString(2), r.getString(3)},
                                          PLAIN + "%", PLAIN + "%");
        int sealed = 0;
        for (Object[] row : plain) {
            String id = (String) row[0];
            String secret = (String) row[1];
            String previous = (String) row[2];
            sealed += jdbc.update("UPDATE webhook_subscriptions SET secret = ?, previous_secret = ? WHERE id = ? "
                                  + "AND secret = ? AND previous_secret IS NOT DISTINCT FROM ?",
                                  sealedIfPlain(id, secret), sealedIfPlain(id, previous), id, secret, previous);
        }
        if (sealed > 0) {
            log.info("Webhooks: sealed the signing secrets of {} subscriptions", sealed);
        }
    }

    private String sealedIfPlain(String subscriptionId, String stored) {
        return stored != null && stored.startsWith(PLAIN) ? seal(subscriptionId, stored) : stored;
    }

    private static String subject(String subscriptionId) {
        return "webhook-subscription:" + subscriptionId;
    }
}
