package jp.kodoku.platform.infra.personaldata;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Subject keys in the same relational database as the events, so that sealing joins the transaction that appends the
 * event: a command that fails leaves no orphan key, and an erasure commits together with the event that records it.
 */
@Component
public class JdbcPersonalDataVault implements PersonalDataVault {

    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    public JdbcPersonalDataVault(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SealedValue seal(String subject, String plainText) {
        if (plainText == null) {
            return null;
        }
        SecretKey key = keyOf(subject).orElseGet(() -> createKey(subject));
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            // The subject is bound as associated data: a value copied under another subject does not decrypt.
            cipher.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plainText.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return new SealedValue(subject, Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt personal data", e);
        }
    }

    @Override
    public Optional<String> unseal(SealedValue value) {
        if (value == null) {
            return Optional.empty();
        }
        return keyOf(value.subject()).map(key -> decrypt(key, value));
    }

    private static String decrypt(SecretKey key, SealedValue value) {
        try {
            byte[] in = Base64.getDecoder().decode(value.ciphertext());
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(value.subject().getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt personal data of " + value.subject(), e);
        }
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
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            SecretKey key = generator.generateKey();
            jdbc.update("INSERT INTO personal_data_keys (subject, secret, created_at) VALUES (?, ?, ?)",
                    subject, key.getEncoded(), Timestamp.from(Instant.now()));
            return key;
        } catch (DuplicateKeyException raced) {
            return keyOf(subject).orElseThrow(() -> new SubjectErasedException(subject));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a key for personal data", e);
        }
    }

    private record Row(byte[] secret, boolean erased) {
    }
}
