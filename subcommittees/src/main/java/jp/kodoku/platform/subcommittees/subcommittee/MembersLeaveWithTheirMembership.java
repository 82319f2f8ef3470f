package jp.kodoku.platform.subcommittees.subcommittee;

import jp.kodoku.platform.infra.audit.AuditMetadata;
import jp.kodoku.platform.membership.api.MemberSuspended;
import jp.kodoku.platform.membership.api.MemberWithdrawn;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.subcommittees.api.LeavingCause;
import jp.kodoku.platform.subcommittees.api.RecordMembershipEnded;
import jp.kodoku.platform.subcommittees.api.SubcommitteeId;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * A member organization that is suspended or withdraws leaves its subcommittees, with the reason membership recorded.
 * It tells every subcommittee (there are a handful), and each one decides: nothing happens where the organization is
 * no member, so a redelivered event or a replay changes nothing twice. A processing group of its own, since it sends
 * commands: a rebuild of the read models must never replay it.
 */
@Component
@ProcessingGroup(MembersLeaveWithTheirMembership.PROCESSING_GROUP)
class MembersLeaveWithTheirMembership {

    static final String PROCESSING_GROUP = "subcommittee-departures";
    /** Who the events this handler causes are attributed to. */
    static final String PRINCIPAL = "system:subcommittee-departures";

    private final SubcommitteesProjection subcommittees;
    private final CommandGateway commands;

    MembersLeaveWithTheirMembership(SubcommitteesProjection subcommittees, CommandGateway commands) {
        this.subcommittees = subcommittees;
        this.commands = commands;
    }

    @EventHandler
    void on(MemberSuspended event, MetaData metaData) {
        leaveAll(event.organizationId(), LeavingCause.MEMBERSHIP_SUSPENDED, "資格停止: " + event.reason(), metaData);
    }

    @EventHandler
    void on(MemberWithdrawn event, MetaData metaData) {
        leaveAll(event.organizationId(), LeavingCause.MEMBERSHIP_WITHDRAWN, "退会: " + event.reason(), metaData);
    }

    private void leaveAll(OrganizationId organization, LeavingCause cause, String reason, MetaData metaData) {
        // the outcome carries the correlation id of the request that caused it, so the audit log links the two
        String correlationId = String.valueOf(metaData.getOrDefault(AuditMetadata.CORRELATION_ID, PROCESSING_GROUP));
        for (SubcommitteeId subcommittee : subcommittees.allIds()) {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                    new RecordMembershipEnded(subcommittee, organization, cause, reason))
                                                      .andMetaData(AuditMetadata.of(PRINCIPAL, correlationId)));
        }
    }
}
