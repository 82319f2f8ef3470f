package jp.kodoku.platform.infra.personaldata;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
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
    public SealedValue seal(String subject, String plainText) {
        if (plainText == null) {
            return null;
        }
        SecretKey key = keyOf(subject).orElseGet(() -> createKey(subject));
        return SubjectCipher.seal(subject, key, plainText);
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
            try {
                // A subject erased before any data was sealed stays erased: nothing may be written for it later.
                jdbc.update("INSERT INTO personal_data_keys (subject, secret, created_at, erased_at) VALUES (?, NULL, ?, ?)",
                        subject, Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
            } catch (DuplicateKeyException alreadyErased) {
                // idempotent
            }
        }
    }

    @Override
    public boolean isErased(String subject) {
        List<Boolean> erased = jdbc.query("SELECT erased_at IS NOT NULL FROM personal_data_keys WHERE subject = ?",
                (rs, i) -> rs.getBoolean(1), subject);
        return !erased.isEmpty() && erased.get(0);
    }

    private Optional<SecretKey> keyOf(String subject) {
        List<Row> rows = jdbc.query("SELECT secret, erased_at FROM personal_data_keys WHERE subject = ?",
                (rs, i) -> new Row(rs.getBytes(1), rs.getTimestamp(2) != null), subject);
        if (rows.isEmpty() || rows.get(0).erased()) {
            return Optional.empty();
        }
        return Optional.of(new SecretKeySpec(rows.get(0).secret(), "AES"));
    }

    private SecretKey createKey(String subject) {
        if (isErased(subject)) {
            throw new SubjectErasedException(subject);
        }
        try {
            SecretKey key = SubjectCipher.newKey();
            jdbc.update("INSERT INTO personal_data_keys (subject, secret, created_at) VALUES (?, ?, ?)",
                    subject, key.getEncoded(), Timestamp.from(Instant.now()));
            return key;
        } catch (DuplicateKeyException raced) {
            return keyOf(subject).orElseThrow(() -> new SubjectErasedException(subject));
        }
    }

    private record Row(byte[] secret, boolean erased) {
    }
}
