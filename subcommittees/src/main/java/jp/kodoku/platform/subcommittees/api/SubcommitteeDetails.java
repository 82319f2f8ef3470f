package jp.kodoku.platform.subcommittees.api;

import java.time.Instant;
import java.util.List;

/**
 * A subcommittee as its members, its chairs and the secretariat see it.
 *
 * @param members        current members, by joining time
 * @param requests       open requests to join
 * @param chairs         current chairs (sign-in account ids and the organization each acts for)
 * @param formerMembers  who left, why and when
 */
public record SubcommitteeDetails(SubcommitteeSummary summary, List<Member> members, List<Request> requests,
                                  List<Chair> chairs, List<FormerMember> formerMembers) {

    public boolean hasMember(String organizationId) {
        return members.stream().anyMatch(m -> m.organization().id().equals(organizationId));
    }

    public record Member(OrganizationRef organization, JoinRoute route, Instant since) {
    }

    public record Request(OrganizationRef organization, String note, Instant at) {
    }

    public record Chair(String userId, OrganizationRef organization, Instant since) {
    }

    public record FormerMember(OrganizationRef organization, LeavingCause cause, String reason, Instant at) {
    }
}
