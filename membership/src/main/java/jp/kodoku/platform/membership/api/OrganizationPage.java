package jp.kodoku.platform.membership.api;

import java.util.List;

/** One page of the secretariat's list; {@code nextCursor} is null on the last page. */
public record OrganizationPage(List<OrganizationSummary> items, String nextCursor) {
}
