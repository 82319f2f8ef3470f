package jp.kodoku.platform.membership.accounts;

import jp.kodoku.platform.membership.api.*;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolution;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Set;

/**
 * A write with an older If-Match than the organization's version is refused (412) only when something a client can
 * see changed since, not when the only news are account records. Those are appended in the background (after an
 * approval, a suspension) or by admins inviting each other, and no representation of the organization shows them; the
 * directory's read model does not even receive them, so the ETag a client reads would otherwise never match again.
 *
 * <p>Axon checks a stale expected version when the unit of work commits, unless the handler looked at the events it
 * did not expect; this interceptor does that for every command, after the handler ran.
 */
final class AccountRecordsNeverConflict implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final Set<Class<?>> ACCOUNT_RECORDS = Set.of(MemberAdminAccountProvisioned.class,
            MemberAdminAccountNotProvisioned.class, MemberAdminAccountsDisabled.class, MemberAdminAccountsEnabled.class,
            MemberAdminInvited.class, MemberAdminRemoved.class);

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        ConflictResolution.getConflictResolver().detectConflicts(
                unexpected -> unexpected.stream().anyMatch(event -> !ACCOUNT_RECORDS.contains(event.getPayloadType())));
        return result;
    }
}
