package jp.kodoku.platform.infra.personaldata;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Subject keys in the same relational database as the events, so that sealing joins the transaction that appends the
 * event: a command that fails leaves no orphan key, and an erasure commits together with the event that records it.
 */
@Component
public class JdbcPersonalDataVault implements PersonalDataVault {

    private final JdbcTemplate jdbc;

    public JdbcPersonalDataVault(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SealedValue[] seal(String subject, String... plainTexts) {
        SealedValue[] sealed = new SealedValue[plainTexts.length];
        SecretKey key = null;
        for (int i = 0; i < plainTexts.length; i++) {
            if (plainTexts[i] != null) {
                key = key != null ? key : keyForSealing(subject);
                sealed[i] = SubjectCipher.seal(subject, key, plainTexts[i]);
            }
        }
        return sealed;
    }

    @Override
    public Optional<String> unseal(SealedValue value) {
        if (value == null) {
            return Optional.empty();
        }
        return keyOf(value.subject()).map(key -> SubjectCipher.unseal(key, value));
    }

    @Override
    public void erase(String subject) {
        int updated = jdbc.update(
                "UPDATE personal_data_keys SET secret = NULL, erased_at = ? WHERE subject = ? AND erased_at IS NULL",
                Timestamp.from(Instant.now()), subject);
        if (updated == 0) {
            // A subject erased before any data was sealed stays erased: nothing may be written for it later.
            // DO NOTHING: already erased (idempotent) or erased by a concurrent transaction.
            jdbc.update("INSERT INTO personal_data_keys (subject, secret, created_at, erased_at) VALUES (?, NULL, ?, ?) "
                    + "ON CONFLICT DO NOTHING", subject, Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
        }
    }

    @Override
    public boolean isErased(String subject) {
        return row(subject).map(Row::erased).orElse(false);
    }

    private Optional<SecretKey> keyOf(String subject) {
        return row(subject).filter(row -> !row.erased()).map(Row::key);
    }

    /** The subject's key, or a new one; one statement when the key exists, two when it is created. */
    private SecretKey keyForSealing(String subject) {
        Optional<Row> existing = row(subject);
        if (existing.isEmpty()) {
            SecretKey key = SubjectCipher.newKey();
            // DO NOTHING rather than a duplicate-key error, which on PostgreSQL would spoil the command's transaction
            int inserted = jdbc.update("INSERT INTO personal_data_keys (subject, secret, created_at) VALUES (?, ?, ?) "
                    + "ON CONFLICT DO NOTHING", subject, key.getEncoded(), Timestamp.from(Instant.now()));
            if (inserted == 1) {
                return key;
            }
            existing = row(subject); // created (or erased) by a concurrent transaction
        }
        return existing.filter(row -> !row.erased()).map(Row::key)
                       .orElseThrow(() -> new SubjectErasedException(subject));
    }

    private Optional<Row> row(String subject) {
        return jdbc.query("SELECT secret, erased_at FROM personal_data_keys WHERE subject = ?",
                (rs, i) -> new Row(rs.getBytes(1), rs.getTimestamp(2) != null), subject).stream().findFirst();
    }

    private record Row(byte[] secret, boolean erased) {
        SecretKey key() {
            return new SecretKeySpec(secret, "AES");
        }
    }
}
