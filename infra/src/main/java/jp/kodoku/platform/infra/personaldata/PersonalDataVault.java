package jp.kodoku.platform.infra.personaldata;

import jp.kodoku.platform.infra.errors.RuleViolation;

import java.util.Optional;

/**
 * Keeps one secret key per data subject, so that personal data can be forgotten on request (APPI) without rewriting
 * the history that contains it.
 */
public interface PersonalDataVault {

    /**
     * Encrypts each value with the subject's key, creating the key on first use (one look-up for all the values); a
     * null value stays null, in its place. Refuses subjects already erased.
     */
    SealedValue[] seal(String subject, String... plainTexts);

    /** The plain text, or empty once the subject has been erased. */
    Optional<String> unseal(SealedValue value);

    /** Destroys the subject's key for good. Idempotent. */
    void erase(String subject);

    boolean isErased(String subject);

    /** Thrown when personal data would be stored for a subject whose data was erased. */
    class SubjectErasedException extends RuleViolation {
        public SubjectErasedException(String subject) {
            super("personal data of " + subject + " has been erased and cannot be written again");
        }

        @Override
        public String type() {
            return "personal-data-erased";
        }

        @Override
        public String title() {
            return "Personal data erased";
        }
    }
}
