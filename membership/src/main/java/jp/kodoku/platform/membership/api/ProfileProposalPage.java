package jp.kodoku.platform.membership.api;

import java.util.List;

/** One page of proposals; {@code nextCursor} is null on the last page. */
public record ProfileProposalPage(List<ProfileProposal> items, String nextCursor) {
}
