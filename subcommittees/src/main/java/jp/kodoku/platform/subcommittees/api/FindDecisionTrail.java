package jp.kodoku.platform.subcommittees.api;

/**
 * The decision trail of a subcommittee (meeting → minutes → deliverables, by date) as a reader may see it:
 * {@link DecisionTrail}.
 *
 * @param reach      PUBLIC: public meetings, public minutes and public deliverables only; MEMBERS: every meeting,
 *                   published minutes and every deliverable
 * @param withDrafts also minutes not yet finalized or published (for the chair and the secretariat)
 */
public record FindDecisionTrail(SubcommitteeId subcommitteeId, Visibility reach, boolean withDrafts) {
}
