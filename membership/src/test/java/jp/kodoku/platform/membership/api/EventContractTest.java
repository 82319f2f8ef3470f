package jp.kodoku.platform.membership.api;

import jp.kodoku.platform.infra.testsupport.EventContracts;
import jp.kodoku.platform.infra.personaldata.SealedValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event is a contract: its stored JSON is pinned in {@code src/test/resources/contracts}. A change of shape
 * fails here; the fix is a new event or an upcaster (with a test reading the old form), never an edited contract.
 */
class EventContractTest {

    private static final OrganizationId ORG = new OrganizationId("3f0c6a4e-2b1d-4c55-9a51-5a1f0b7e2c01");
    private static final ContactId CONTACT = new ContactId("c0ffee00-0000-4000-8000-000000000001");
    private static final OrganizationProfile PROFILE = new OrganizationProfile("こども居場所ネットワークさくら",
            "コドモイバショネットワークサクラ", LegalForm.NPO_CORPORATION, "7000012050002", BodyType.NPO_SUPPORT, false,
            Set.of("13"), Set.of(FieldOfActivity.PLACE_TO_BELONG), Set.of(TargetGroup.CHILDREN_AND_YOUTH),
            Set.of(ConsultationCapability.LOCAL_SUPPORT), "https://sakura.example.jp", "居場所づくり", true);
    private static final ContactPerson PERSON = new ContactPerson(CONTACT, new SealedValue(CONTACT.value(), "bmFtZQ=="),
            new SealedValue(CONTACT.value(), "ZW1haWw="), null, "事務局");
    private static final LocalDate DAY = LocalDate.of(2022, 12, 1);
    /** An account id as Keycloak makes them. */
    private static final String ACCOUNT = "5b8e1f7a-3c2d-4e9f-8a6b-1d0c9e8f7a61";

    private static final String PROPOSAL = "9a7e3c10-5b2f-4d8e-a1c4-6f0b2e9d7c33";
    private static final List<ProposedFieldChange> CHANGES = List.of(
            new ProposedFieldChange("name", "こども居場所ネットワークさくら", "こども居場所ネットワークさくら東京"),
            new ProposedFieldChange("website", null, "https://tokyo.sakura.example.jp"));

    static Stream<Object> events() {
        return Stream.of(
                new MembershipApplicationSubmitted(ORG, PROFILE, MemberCategory.REGULAR, PERSON, "2022-02", "ab12"),
                new MembershipApplicationResubmitted(ORG, PROFILE, MemberCategory.SUPPORTING, PERSON),
                new MembershipApplicationSentBack(ORG, "活動地域をご確認ください"),
                new MembershipApplicationRejected(ORG, "対象外"),
                new MembershipApplicationApproved(ORG, 372, MemberCategory.REGULAR, DAY),
                new MemberCategoryChanged(ORG, MemberCategory.REGULAR, MemberCategory.SUPPORTING, "申出", DAY),
                new SteeringMemberAppointed(ORG, DAY, DAY.plusYears(2)),
                new SteeringMemberTermEnded(ORG, DAY, "任期満了"),
                new MemberSuspended(ORG, "会費未納"),
                new MemberReinstated(ORG, "納付確認"),
                new MemberWithdrawn(ORG, WithdrawalKind.REQUESTED_BY_MEMBER, "活動終了", DAY),
                new OrganizationProfileUpdated(ORG, PROFILE, List.of("website")),
                new ContactAdded(ORG, PERSON),
                new ContactChanged(ORG, PERSON),
                new ContactRemoved(ORG, CONTACT),
                new PrimaryContactChanged(ORG, CONTACT),
                new ContactPersonalDataErased(ORG, CONTACT, "本人からの請求"),
                new MemberAdminAccountProvisioned(ORG, CONTACT, ACCOUNT, true, true),
                new MemberAdminAccountNotProvisioned(ORG, CONTACT,
                        "the e-mail address has an account that acts for another organization"),
                new MemberAdminAccountsDisabled(ORG, 3, 2),
                new MemberAdminAccountsEnabled(ORG, 5, 2),
                new MemberAdminInvited(ORG, ACCOUNT, true, false),
                new MemberAdminRemoved(ORG, ACCOUNT),
                new MemberOrganizationImported(ORG, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 12),
                new ProfileModerationSwitchedOn(ProfileModeration.SETTING_ID, ProfileModeration.FIELDS),
                new ProfileModerationSwitchedOff(ProfileModeration.SETTING_ID, ProfileModeration.FIELDS),
                new ProfileChangeProposed(ORG, PROPOSAL, "こども居場所ネットワークさくら", CHANGES, null),
                new ProfileChangeApproved(ORG, PROPOSAL, CHANGES, "確認しました"),
                new ProfileChangeRejected(ORG, PROPOSAL, CHANGES, "名称変更の届出を確認できません"),
                new ProfileChangeProposalClosed(ORG, PROPOSAL, CHANGES, ProfileProposalStatus.REPLACED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void keeps_its_stored_shape_and_reads_its_stored_form(Object event) throws IOException {
        EventContracts.assertKeepsItsContract(event);
    }
}
