package jp.kodoku.platform.subcommittees.api;

import jp.kodoku.platform.membership.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/** A member organization's answers, slot id → ○/△/× with a comment; replaces its earlier answers. The gateway checks that the organization is a member of the poll's subcommittee. */
public record AnswerDatePoll(@TargetAggregateIdentifier PollId pollId, SubcommitteeId subcommitteeId, OrganizationId organizationId, Map<String, SlotAnswer> answers) {
}
