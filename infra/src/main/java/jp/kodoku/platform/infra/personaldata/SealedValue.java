package jp.kodoku.platform.infra.personaldata;

/**
 * A piece of personal data as it is stored in events and read models: encrypted with the key of its data subject.
 * Once the subject's key is erased, no copy of this value can ever be read again (crypto-shredding).
 *
 * @param subject    the data subject whose key encrypts the value (for example a contact person's id)
 * @param ciphertext Base64 of the nonce followed by the AES-GCM ciphertext
 */
public record SealedValue(String subject, String ciphertext) {
}
