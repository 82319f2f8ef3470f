package jp.kodoku.platform.membership.api;

import java.time.Instant;

/**
 * One field's change, or one field of a proposal and its outcome; {@code before} and {@code after} are JSON values
 * (text, boolean or list of codes).
 *
 * @param kind       CHANGED (the value changed), IMPORTED (the organization came from a CSV import), or a proposal's step: PROPOSED, then APPROVED or REJECTED or how it
 *                   ended otherwise ({@link ProfileProposalStatus}); an approval is followed by the CHANGED entry of
 *                   the published value
 * @param proposalId the proposal of a proposal's step, else null
 * @param note       a rejection's reason or an approval's note, else null
 */
public record ProfileChange(String field, Object before, Object after, Instant changedAt, String changedBy,
                            String correlationId, long version, String kind, String proposalId, String note) {

    public static final String CHANGED = "CHANGED";
    public static final String PROPOSED = "PROPOSED";
    public static final String IMPORTED = "IMPORTED";

    /** A change of the value itself. */
    public ProfileChange(String field, Object before, Object after, Instant changedAt, String changedBy,
                         String correlationId, long version) {
        this(field, before, after, changedAt, changedBy, correlationId, version, CHANGED, null, null);
    }
}
