package jp.kodoku.platform.membership.organization;

import jp.kodoku.platform.infra.personaldata.PersonalDataVault;
import jp.kodoku.platform.infra.personaldata.SealedValue;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Really encrypts, like {@code JdbcPersonalDataVault}: AES-GCM with one key per data subject and the subject bound as
 * associated data. Erasing drops the key and remembers the subject, so nothing can be sealed for it again.
 */
final class InMemoryPersonalDataVault implements PersonalDataVault {

    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys = new ConcurrentHashMap<>();
    private final Set<String> erased = ConcurrentHashMap.newKeySet();
    private final SecureRandom random = new SecureRandom();

    @Override
    public SealedValue seal(String subject, String plainText) {
        if (plainText == null) {
            return null;
        }
        if (erased.contains(subject)) {
            throw new SubjectErasedException(subject);
        }
        SecretKey key = keys.computeIfAbsent(subject, s -> newKey());
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
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
        SecretKey key = keys.get(value.subject());
        if (key == null) {
            return Optional.empty();
        }
        try {
            byte[] in = Base64.getDecoder().decode(value.ciphertext());
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(value.subject().getBytes(StandardCharsets.UTF_8));
            return Optional.of(new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt personal data of " + value.subject(), e);
        }
    }

    @Override
    public void erase(String subject) {
        erased.add(subject);
        keys.remove(subject);
    }

    @Override
    public boolean isErased(String subject) {
        return erased.contains(subject);
    }

    /** Whether a key exists for the subject (false before its first seal and after erasure). */
    boolean hasKey(String subject) {
        return keys.containsKey(subject);
    }

    private SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a key", e);
        }
    }
}
