package jp.kodoku.platform.demo;

import jp.kodoku.platform.infra.identity.KeycloakMemberAccounts;
import jp.kodoku.platform.infra.identity.MemberAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The identity provider as the platform sees it while the demo data is on: the demo organizations' contact persons
 * have invented addresses that no mail reaches, so the identity provider refuses them an account (the realm's demo
 * users stand in for the demo organizations' admins) and the platform records that, as for any refused account.
 * Everything else, and every real address, goes to the identity provider as usual.
 */
@Component
@Primary
@ConditionalOnProperty(name = "platform.demo-data.enabled", havingValue = "true")
class DemoMemberAccounts implements MemberAccounts {

    static final String REFUSED = "an invented address of the demo data; no mail reaches it";

    private final MemberAccounts identityProvider;

    @Autowired
    DemoMemberAccounts(KeycloakMemberAccounts identityProvider) {
        this((MemberAccounts) identityProvider);
    }

    DemoMemberAccounts(MemberAccounts identityProvider) {
        this.identityProvider = identityProvider;
    }

    @Override
    public Provisioning provision(String organizationId, String name, String email) {
        if (DemoOrganizations.isInventedAddress(email)) {
            return new Provisioning(Status.REFUSED, null, false, REFUSED);
        }
        return identityProvider.provision(organizationId, name, email);
    }

    @Override
    public int disableAll(String organizationId) {
        return identityProvider.disableAll(organizationId);
    }

    @Override
    public int enableAll(String organizationId) {
        return identityProvider.enableAll(organizationId);
    }

    @Override
    public List<Account> admins(String organizationId) {
        return identityProvider.admins(organizationId);
    }

    @Override
    public void remove(String organizationId, String userId) {
        identityProvider.remove(organizationId, userId);
    }

    @Override
    public void delete(String userId) {
        identityProvider.delete(userId);
    }
}
