package jp.kodoku.platform.gateway.membership;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Accounts follow membership, against the real Keycloak of the test run and its real mail server (GreenMail): an
 * approval gives the primary contact one member-admin account and an invitation, suspension and withdrawal disable the
 * organization's accounts, reinstatement enables them, and admins invite and remove one another through the API.
 */
class MemberAccountsTest extends ApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private Members members;

    @BeforeEach
    void steps() {
        members = new Members(api);
    }

    // ---- approval -------------------------------------------------------------------------------------------------

    @Test
    void approving_an_application_gives_the_primary_contact_one_member_admin_account_and_an_invitation() {
        Map<String, Object> application = Samples.application();
        String email = email(application);

        String id = members.activeMember(application);

        UserRepresentation account = awaitAccount(email);
        assertThat(account.getAttributes().get("organization_id")).containsExactly(id);
        assertThat(account.getRequiredActions()).containsExactlyInAnyOrder("UPDATE_PASSWORD", "VERIFY_EMAIL");
        assertThat(account.isEnabled()).isTrue();
        assertThat(account.isEmailVerified()).isFalse();
        assertThat(account.getLastName() + " " + account.getFirstName()).isEqualTo(Samples.contactOf(application).get("name"));
        // the role is granted by a second call after the user is created: wait for it as for the user
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(realmRoles(account.getId())).contains("member-admin"));
        await().atMost(PATIENCE).until(() -> mailsTo(email) == 1);

        await().atMost(PATIENCE).until(() -> events(id, "MemberAdminAccountProvisioned").size() == 1);
        String recorded = events(id, "MemberAdminAccountProvisioned").get(0);
        assertThat(recorded).contains(account.getId()).doesNotContain(email);
        assertThat(metadata(id, "MemberAdminAccountProvisioned")).contains("\"principal\":\"system:accounts\"");
    }

    @Test
    void a_primary_contact_whose_personal_data_was_erased_gets_no_account_and_nothing_is_recorded() {
        Map<String, Object> application = Samples.application();
        String email = email(application);
        Members.Applied applied = members.apply(application);
        String path = "/api/v1/organizations/" + applied.id();
        String secretariat = TestTokens.secretariat();
        awaitProjections();
        String contactId = api.get(path).token(secretariat).send().json().get("contacts").get(0).get("contactId").asText();
        assertThat(api.post(path + "/contacts/" + contactId + "/erasure").token(secretariat)
                      .body(Map.of("reason", "本人からの請求")).send().status()).isEqualTo(200);

        assertThat(api.post(path + "/approval").token(secretariat).send().status()).isEqualTo(200);
        awaitProjections();

        assertThat(TestTokens.realm().users().searchByEmail(email, true)).isEmpty();
        assertThat(events(applied.id(), "MemberAdminAccountProvisioned")).isEmpty();
        assertThat(events(applied.id(), "MemberAdminAccountNotProvisioned")).isEmpty();
        assertThat(mailsTo(email)).isZero();
    }

    @Test
    void handling_every_approval_again_makes_no_second_account_and_records_nothing_new() {
        Map<String, Object> application = Samples.application();
        String email = email(application);
        String id = members.activeMember(application);
        String accountId = awaitAccount(email).getId();
        await().atMost(PATIENCE).until(() -> events(id, "MemberAdminAccountProvisioned").size() == 1);
        long eventsBefore = eventCount();

        projections.pause("accounts");
        jdbc.update("UPDATE tokenentry SET token = NULL, tokentype = NULL WHERE processorname = 'accounts'");
        projections.resume("accounts");
        awaitProjections();

        assertThat(TestTokens.realm().users().searchByEmail(email, true)).extracting(UserRepresentation::getId)
                                                                          .containsExactly(accountId);
        assertThat(events(id, "MemberAdminAccountProvisioned")).hasSize(1);
        assertThat(eventCount()).isEqualTo(eventsBefore);
        assertThat(mailsTo(email)).isEqualTo(1);
    }

    @Test
    void the_organization_can_still_be_edited_with_the_etag_it_reads_after_its_account_was_recorded() {
        Map<String, Object> application = Samples.application();
        Members.Applied applied = members.apply(application);
        String path = "/api/v1/organizations/" + applied.id();
        Api.Response approved = api.post(path + "/approval").token(TestTokens.secretariat()).send();
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> events(applied.id(), "MemberAdminAccountProvisioned").size() == 1);
        awaitProjections();

        Api.Response read = api.get(path).token(TestTokens.secretariat()).send();
        Api.Response patched = api.patch(path + "/profile").token(TestTokens.secretariat()).header("If-Match", read.etag())
                                  .body(Map.of("publicDescription", "アカウント作成後も編集できます。")).send();

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    }

    // ---- membership changes ---------------------------------------------------------------------------------------

    @Test
    void suspension_and_withdrawal_disable_the_organizations_accounts_and_reinstatement_enables_them() {
        Map<String, Object> application = Samples.application();
        String email = email(application);
        String id = members.activeMember(application);
        String path = "/api/v1/organizations/" + id;
        String secretariat = TestTokens.secretariat();
        TestTokens.memberAdmin(id); // a second account of the organization
        String accountId = awaitAccount(email).getId();

        assertThat(api.post(path + "/suspension").token(secretariat).body(Map.of("reason", "会費未納")).send().status())
                .isEqualTo(200);
        await().atMost(PATIENCE).until(() -> enabledAccountsOf(id).isEmpty() && accountsOf(id).size() == 2);
        await().atMost(PATIENCE).until(() -> events(id, "MemberAdminAccountsDisabled").size() == 1);
        assertThat(events(id, "MemberAdminAccountsDisabled").get(0)).contains("\"accounts\":2");

        assertThat(api.post(path + "/reinstatement").token(secretariat).body(Map.of("reason", "納付確認")).send().status())
                .isEqualTo(200);
        await().atMost(PATIENCE).until(() -> enabledAccountsOf(id).size() == 2);
        await().atMost(PATIENCE).until(() -> events(id, "MemberAdminAccountsEnabled").size() == 1);
        assertThat(TestTokens.memberAdmin(id)).as("an admin signs in again").isNotBlank();

        assertThat(api.post(path + "/withdrawal").token(secretariat)
                      .body(Map.of("kind", "REQUESTED_BY_MEMBER", "reason", "活動終了", "effectiveDate", "2025-03-31"))
                      .send().status()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> enabledAccountsOf(id).isEmpty());
        await().atMost(PATIENCE).until(() -> events(id, "MemberAdminAccountsDisabled").size() == 2);
        assertThat(TestTokens.realm().users().get(accountId).toRepresentation().isEnabled()).isFalse();
    }

    // ---- admins manage admins -------------------------------------------------------------------------------------

    @Test
    void a_member_admin_invites_lists_and_removes_admins_of_its_own_organization() {
        Map<String, Object> application = Samples.application();
        String id = members.activeMember(application);
        String primaryAccount = awaitAccount(email(application)).getId();
        String admin = TestTokens.memberAdmin(id);
        String path = "/api/v1/organizations/" + id + "/admins";
        String invitee = "jiro" + System.nanoTime() + "@invite.example.jp";

        Api.Response invited = api.post(path).token(admin).body(Map.of("name", "招待 次郎", "email", invitee)).send();

        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        String userId = invited.json().get("userId").asText();
        assertThat(invited.header("Location")).isEqualTo(path + "/" + userId);
        assertThat(invited.json().get("created").asBoolean()).isTrue();
        assertThat(invited.json().get("invitationSent").asBoolean()).isTrue();
        UserRepresentation account = TestTokens.realm().users().get(userId).toRepresentation();
        assertThat(account.getEmail()).isEqualTo(invitee);
        assertThat(account.getAttributes().get("organization_id")).containsExactly(id);
        assertThat(account.getRequiredActions()).containsExactlyInAnyOrder("UPDATE_PASSWORD", "VERIFY_EMAIL");
        assertThat(realmRoles(userId)).contains("member-admin");
        await().atMost(PATIENCE).until(() -> mailsTo(invitee) == 1);
        assertThat(events(id, "MemberAdminInvited")).singleElement().asString().contains(userId).doesNotContain(invitee);

        Api.Response again = api.post(path).token(admin).body(Map.of("name", "招待 次郎", "email", invitee)).send();
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.json().get("userId").asText()).isEqualTo(userId);
        assertThat(again.json().get("created").asBoolean()).isFalse();
        assertThat(TestTokens.realm().users().searchByEmail(invitee, true)).hasSize(1);
        assertThat(events(id, "MemberAdminInvited")).hasSize(1);

        Api.Response listed = api.get(path).token(admin).send();
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.header("Cache-Control")).contains("no-store");
        assertThat(listed.json().findValuesAsText("id")).containsExactlyInAnyOrder(primaryAccount, userId,
                idOfUsername("admin-" + id));
        JsonNode listedInvitee = find(listed.json(), userId);
        assertThat(listedInvitee.get("email").asText()).isEqualTo(invitee);
        assertThat(listedInvitee.get("enabled").asBoolean()).isTrue();
        assertThat(texts(listedInvitee.get("pendingActions"))).containsExactlyInAnyOrder("UPDATE_PASSWORD", "VERIFY_EMAIL");

        Api.Response removed = api.delete(path + "/" + userId).token(admin).send();

        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(TestTokens.realm().users().searchByEmail(invitee, true)).isEmpty();
        assertThat(api.get(path).token(admin).send().json().findValuesAsText("id")).doesNotContain(userId);
        assertThat(events(id, "MemberAdminRemoved")).singleElement().asString().contains(userId);
    }

    @Test
    void the_last_admin_of_an_organization_cannot_be_removed() {
        Map<String, Object> application = Samples.application();
        String id = members.activeMember(application);
        String onlyAdmin = awaitAccount(email(application)).getId();

        Api.Response refused = api.delete("/api/v1/organizations/" + id + "/admins/" + onlyAdmin)
                                  .token(TestTokens.secretariat()).send();

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(TestTokens.realm().users().get(onlyAdmin).toRepresentation().isEnabled()).isTrue();
    }

    @Test
    void an_admin_of_another_organization_cannot_be_removed_through_this_one() {
        Map<String, Object> mine = Samples.application();
        Map<String, Object> theirs = Samples.application();
        String id = members.activeMember(mine);
        String other = members.activeMember(theirs);
        awaitAccount(email(mine));
        String theirAccount = awaitAccount(email(theirs)).getId();
        TestTokens.memberAdmin(id);

        Api.Response refused = api.delete("/api/v1/organizations/" + id + "/admins/" + theirAccount)
                                  .token(TestTokens.memberAdmin(id)).send();
        Api.Response taken = api.post("/api/v1/organizations/" + id + "/admins").token(TestTokens.memberAdmin(id))
                                .body(Map.of("name", "他団体 三郎", "email", email(theirs))).send();

        assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
        assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
        UserRepresentation untouched = TestTokens.realm().users().get(theirAccount).toRepresentation();
        assertThat(untouched.getAttributes().get("organization_id")).containsExactly(other);
    }

    @Test
    void a_member_admin_of_another_organization_gets_403_and_an_anonymous_caller_401() {
        String id = members.activeMember(Samples.application());
        String other = members.activeMember(Samples.application());
        String stranger = TestTokens.memberAdmin(other);
        String path = "/api/v1/organizations/" + id + "/admins";

        assertThat(api.get(path).token(stranger).send().status()).isEqualTo(403);
        assertThat(api.post(path).token(stranger).body(Map.of("name", "侵入 者", "email", "x@intruder.example.jp"))
                      .send().status()).isEqualTo(403);
        assertThat(api.delete(path + "/" + idOfUsername("admin-" + other)).token(stranger).send().status())
                .isEqualTo(403);
        assertThat(api.get(path).send().status()).isEqualTo(401);
        assertThat(TestTokens.realm().users().searchByEmail("x@intruder.example.jp", true)).isEmpty();
    }

    @Test
    void a_suspended_member_cannot_invite_admins() {
        Map<String, Object> application = Samples.application();
        String id = members.activeMember(application);
        awaitAccount(email(application));
        String secretariat = TestTokens.secretariat();
        assertThat(api.post("/api/v1/organizations/" + id + "/suspension").token(secretariat)
                      .body(Map.of("reason", "確認中")).send().status()).isEqualTo(200);
        String invitee = "late" + System.nanoTime() + "@invite.example.jp";

        Api.Response refused = api.post("/api/v1/organizations/" + id + "/admins").token(secretariat)
                                  .body(Map.of("name", "招待 四郎", "email", invitee)).send();

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(TestTokens.realm().users().searchByEmail(invitee, true)).isEmpty();
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static String email(Map<String, Object> application) {
        return (String) Samples.contactOf(application).get("email");
    }

    /** Exactly one account with the address, once the accounts processor has made it. */
    private static UserRepresentation awaitAccount(String email) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
               .until(() -> TestTokens.realm().users().searchByEmail(email, true).size() == 1);
        List<UserRepresentation> found = TestTokens.realm().users().searchByEmail(email, true);
        assertThat(found).hasSize(1);
        return TestTokens.realm().users().get(found.get(0).getId()).toRepresentation();
    }

    private static List<UserRepresentation> accountsOf(String organizationId) {
        return TestTokens.realm().users().searchByAttributes("organization_id:" + organizationId);
    }

    private static List<UserRepresentation> enabledAccountsOf(String organizationId) {
        return accountsOf(organizationId).stream().filter(UserRepresentation::isEnabled).toList();
    }

    private static List<String> realmRoles(String userId) {
        return TestTokens.realm().users().get(userId).roles().realmLevel().listEffective().stream()
                         .map(RoleRepresentation::getName).toList();
    }

    private static String idOfUsername(String username) {
        return TestTokens.realm().users().searchByUsername(username, true).get(0).getId();
    }

    private static long mailsTo(String address) {
        return Arrays.stream(TestTokens.KEYCLOAK.mail().getReceivedMessages())
                     .filter(message -> recipients(message).contains(address))
                     .count();
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            Address[] all = message.getAllRecipients();
            return all == null ? List.of() : Arrays.stream(all).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored payloads of the organization's events of one type, oldest first. */
    private List<String> events(String organizationId, String type) {
        return jdbc.query("SELECT payload FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE ? "
                        + "ORDER BY sequencenumber",
                (rs, i) -> new String(rs.getBytes(1), StandardCharsets.UTF_8), organizationId, "%." + type);
    }

    private String metadata(String organizationId, String type) {
        return jdbc.queryForObject("SELECT metadata FROM domainevententry WHERE aggregateidentifier = ? "
                        + "AND payloadtype LIKE ?",
                (rs, i) -> new String(rs.getBytes(1), StandardCharsets.UTF_8), organizationId, "%." + type);
    }

    private static JsonNode find(JsonNode admins, String userId) {
        for (JsonNode admin : admins) {
            if (admin.get("id").asText().equals(userId)) {
                return admin;
            }
        }
        throw new AssertionError("no admin " + userId + " in " + admins);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
