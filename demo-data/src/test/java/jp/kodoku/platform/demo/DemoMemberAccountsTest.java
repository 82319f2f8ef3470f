package jp.kodoku.platform.demo;

import jp.kodoku.platform.infra.identity.MemberAccounts;
import jp.kodoku.platform.membership.api.ContactDetails;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoMemberAccountsTest {

    /** Stands in for the identity provider: says what was asked of it. */
    private final List<String> asked = new ArrayList<>();
    private final DemoMemberAccounts accounts = new DemoMemberAccounts(new IdentityProvider());

    @Test
    void every_contact_of_the_plan_has_an_invented_address_that_is_refused_an_account_without_asking_anyone() {
        for (DemoOrganizations.PlannedOrganization planned : DemoOrganizations.plan()) {
            ContactDetails contact = planned.primaryContact();

            MemberAccounts.Provisioning account = accounts.provision("org", contact.name(), contact.email());

            assertThat(account.status()).as(contact.email()).isEqualTo(MemberAccounts.Status.REFUSED);
            assertThat(account.detail()).isEqualTo(DemoMemberAccounts.REFUSED);
        }
        assertThat(asked).isEmpty();
    }

    @Test
    void a_real_address_and_every_other_request_go_to_the_identity_provider() {
        MemberAccounts.Provisioning account = accounts.provision("org-1", "山田 花子", "hanako@lifelink.example.org");
        accounts.disableAll("org-1");
        accounts.enableAll("org-1");
        accounts.admins("org-1");
        accounts.remove("org-1", "user-1");
        accounts.delete("user-1");

        assertThat(account.created()).isTrue();
        assertThat(asked).containsExactly("provision hanako@lifelink.example.org", "disableAll org-1",
                "enableAll org-1", "admins org-1", "remove user-1", "delete user-1");
    }

    @Test
    void only_the_plans_own_address_pattern_counts_as_invented() {
        assertThat(DemoOrganizations.isInventedAddress("demo-contact-0007@example.jp")).isTrue();
        assertThat(DemoOrganizations.isInventedAddress("demo-contact-0007@example.jp.evil.org")).isFalse();
        assertThat(DemoOrganizations.isInventedAddress("contact@example.jp")).isFalse();
        assertThat(DemoOrganizations.isInventedAddress(null)).isFalse();
    }

    private final class IdentityProvider implements MemberAccounts {

        @Override
        public Provisioning provision(String organizationId, String name, String email) {
            asked.add("provision " + email);
            return new Provisioning(Status.CREATED, "user-1", true, null);
        }

        @Override
        public int disableAll(String organizationId) {
            asked.add("disableAll " + organizationId);
            return 1;
        }

        @Override
        public int enableAll(String organizationId) {
            asked.add("enableAll " + organizationId);
            return 1;
        }

        @Override
        public List<Account> admins(String organizationId) {
            asked.add("admins " + organizationId);
            return List.of();
        }

        @Override
        public void remove(String organizationId, String userId) {
            asked.add("remove " + userId);
        }

        @Override
        public void delete(String userId) {
            asked.add("delete " + userId);
        }
    }
}
