package jp.kodoku.platform.subcommittees.subcommittee;

import jp.kodoku.platform.infra.identity.ChairAccounts;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The identity provider's accounts as the chair rules see them, for given/when/then tests. */
final class InMemoryChairAccounts implements ChairAccounts {

    final Map<String, Account> accounts = new HashMap<>();

    InMemoryChairAccounts with(String userId, String organizationId, String subcommitteeId) {
        accounts.put(userId, new Account(userId, organizationId, subcommitteeId));
        return this;
    }

    @Override
    public Optional<Account> find(String userId) {
        return Optional.ofNullable(accounts.get(userId));
    }

    @Override
    public void appoint(String userId, String subcommitteeId) {
        Account account = accounts.get(userId);
        accounts.put(userId, new Account(userId, account.organizationId(), subcommitteeId));
    }

    @Override
    public void end(String userId, String subcommitteeId) {
        Account account = accounts.get(userId);
        if (account != null && subcommitteeId.equals(account.subcommitteeId())) {
            accounts.put(userId, new Account(userId, account.organizationId(), null));
        }
    }
}
