package jp.kodoku.platform.membership.accounts;

import jp.kodoku.platform.infra.identity.MemberAccounts;
import jp.kodoku.platform.membership.api.ListMemberAdmins;
import jp.kodoku.platform.membership.api.MemberAdmin;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Who may sign in for an organization, read live from the identity provider: the accounts live there, and no event
 * tells of a person finishing an invitation (setting a password), so a read model would fall behind.
 */
@Component
class MemberAdminQueries {

    private final MemberAccounts accounts;

    MemberAdminQueries(MemberAccounts accounts) {
        this.accounts = accounts;
    }

    @QueryHandler
    List<MemberAdmin> handle(ListMemberAdmins query) {
        return accounts.admins(query.organizationId().value()).stream()
                       .map(a -> new MemberAdmin(a.id(), a.username(), a.email(), a.enabled(), a.pendingActions()))
                       .toList();
    }
}
