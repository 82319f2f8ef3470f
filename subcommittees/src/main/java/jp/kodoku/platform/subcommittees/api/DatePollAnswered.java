package jp.kodoku.platform.subcommittees.api;

import jp.kodoku.platform.membership.api.OrganizationId;

import java.util.Map;

/** An organization answered (its whole answer, replacing the one before). */
public record DatePollAnswered(PollId pollId, OrganizationId organizationId, Map<String, SlotAnswer> answers) {
}
