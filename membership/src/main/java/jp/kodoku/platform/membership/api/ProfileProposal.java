package jp.kodoku.platform.membership.api;

import java.time.Instant;
import java.util.List;

/**
 * One proposed profile change and where it stands.
 *
 * @param organizationVersion the organization's version when this proposal last changed; send it as If-Match with a
 *                            decision
 * @param note                the approval's note or the rejection's reason
 */
public record ProfileProposal(String proposalId, String organizationId, String organizationName,
                              ProfileProposalStatus status, List<ProposedFieldChange> changes, Instant proposedAt,
                              String proposedBy, Instant decidedAt, String decidedBy, String note,
                              String replacesProposalId, long organizationVersion) {
}
