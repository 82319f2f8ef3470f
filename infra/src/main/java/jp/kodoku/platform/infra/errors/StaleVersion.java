package jp.kodoku.platform.infra.errors;

/**
 * A write made against a version that is no longer the current one (the API answers 412): the writer must read again
 * and reapply its change, never overwrite what it did not see.
 */
public class StaleVersion extends RuntimeException {

    private final Long currentVersion;

    /**
     * @param currentVersion the version now, for the client to compare; null when it is not known (a weak entity tag
     *                       is refused before anything is read)
     */
    public StaleVersion(String message, Long currentVersion) {
        super(message);
        this.currentVersion = currentVersion;
    }

    public Long currentVersion() {
        return currentVersion;
    }
}
