package jp.kodoku.platform.infra.testsupport;

import jp.kodoku.platform.infra.personaldata.PersonalDataVault;
import jp.kodoku.platform.infra.personaldata.SealedValue;
import jp.kodoku.platform.infra.personaldata.SubjectCipher;

import javax.crypto.SecretKey;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Really encrypts, like {@code JdbcPersonalDataVault}: AES-GCM with one key per data subject and the subject bound as
 * associated data. Erasing drops the key and remembers the subject, so nothing can be sealed for it again.
 */
public final class InMemoryPersonalDataVault implements PersonalDataVault {

    private final Map<String, SecretKey> keys = new ConcurrentHashMap<>();
    private final Set<String> erased = ConcurrentHashMap.newKeySet();

    @Override
    public SealedValue[] seal(String subject, String... plainTexts) {
        SealedValue[] sealed = new SealedValue[plainTexts.length];
        for (int i = 0; i < plainTexts.length; i++) {
            if (plainTexts[i] != null) {
                if (erased.contains(subject)) {
                    throw new SubjectErasedException(subject);
                }
                sealed[i] = SubjectCipher.seal(subject, keys.computeIfAbsent(subject, s -> SubjectCipher.newKey()), plainTexts[i]);
            }
        }
        return sealed;
    }

    @Override
    public Optional<String> unseal(SealedValue value) {
        return value == null ? Optional.empty()
                : Optional.ofNullable(keys.get(value.subject())).map(key -> SubjectCipher.unseal(key, value));
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
    public boolean hasKey(String subject) {
        return keys.containsKey(subject);
    }
}
