package jp.kodoku.platform.membership.organization;

import jp.kodoku.platform.membership.api.*;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static jp.kodoku.platform.membership.organization.MembershipScenario.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The member admin keeps the profile and the contact persons current; contact persons may ask for erasure. */
class MemberOrganizationProfileAndContactsTest {

    private static final String NEW_WEBSITE = "https://www.sakura-net.example.jp/";
    private static final String NEW_DESCRIPTION = "東京都・神奈川県の42か所の居場所と連携しています。";

    private final MembershipScenario scenario = new MembershipScenario();

    // ---- profile ------------------------------------------------------------------------------------------------

    @Test
    void a_profile_update_records_only_the_fields_that_changed() {
        // The name is sent again unchanged: it is not a change.
        ProfilePatch patch = new ProfilePatch(SAKURA_NAME, null, null, null, null, null, null, null, null, null,
                NEW_WEBSITE, NEW_DESCRIPTION, null, null);
        OrganizationProfile p = sakura();
        OrganizationProfile expected = new OrganizationProfile(p.name(), p.nameKana(), p.legalForm(),
                p.corporateNumber(), p.bodyType(), p.nationwide(), p.prefectureCodes(), p.fieldsOfActivity(),
                p.targetGroups(), p.consultationCapabilities(), NEW_WEBSITE, NEW_DESCRIPTION, p.consentToPublish());

        scenario.given(OrganizationStatus.ACTIVE)
                .when(new UpdateOrganizationProfile(SAKURA, 1L, patch))
                .expectEvents(new OrganizationProfileUpdated(SAKURA, expected, List.of("website", "publicDescription")))
                .expectResultMessagePayload(2L)
                .expectState(organization -> assertThat(organization.profile()).isEqualTo(expected));
    }

    @Test
    void a_profile_update_that_changes_nothing_records_nothing() {
        // The same reading, typed in half-width katakana, and the same prefectures in another order.
        ProfilePatch patch = new ProfilePatch(null, "ｺﾄﾞﾓｲﾊﾞｼｮﾈｯﾄﾜｰｸｻｸﾗ", null, null, null, false, Set.of("14", "13"),
                null, null, null, null, null, true, null);

        scenario.given(OrganizationStatus.ACTIVE)
                .when(new UpdateOrganizationProfile(SAKURA, 1L, patch))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void optional_profile_fields_can_be_cleared() {
        ProfilePatch patch = new ProfilePatch(null, null, null, null, null, null, null, null, null, null, null, null,
                null, Set.of("website"));

        scenario.given(OrganizationStatus.ACTIVE)
                .when(new UpdateOrganizationProfile(SAKURA, null, patch))
                .expectEventsMatching(exactly(that(OrganizationProfileUpdated.class, "clearing the website",
                        e -> e.profile().website() == null && e.changedFields().equals(List.of("website")))));
    }

    @Test
    void required_profile_fields_cannot_be_cleared() {
        ProfilePatch patch = new ProfilePatch(null, null, null, null, null, null, null, null, null, null, null, null,
                null, Set.of("name"));

        scenario.given(OrganizationStatus.ACTIVE)
                .when(new UpdateOrganizationProfile(SAKURA, null, patch))
                .expectException(invalidInput("name"))
                .expectNoEvents();
    }

    @Test
    void a_profile_update_is_checked_like_an_application() {
        ProfilePatch patch = new ProfilePatch(null, "さくら", null, "2011105004322", null, null, null, null, null, null,
                "sakura-net.example.jp", null, null, null);

        scenario.given(OrganizationStatus.ACTIVE)
                .when(new UpdateOrganizationProfile(SAKURA, null, patch))
                .expectException(invalidInput("nameKana", "corporateNumber", "website"))
                .expectNoEvents();
    }

    @Test
    void a_profile_update_cannot_take_the_name_of_a_registered_organization() {
        ProfilePatch patch = new ProfilePatch("ヒダマリ相談ネット", null, null, null, null, null, null, null, null, null,
                null, null, null, null);

        scenario.given(OrganizationStatus.ACTIVE)
                .when(new UpdateOrganizationProfile(SAKURA, null, patch))
                .expectException(duplicateOf("name", HIDAMARI, HIDAMARI_NAME))
                .expectNoEvents();

        assertThat(scenario.registry.holderOfName(SAKURA_NAME)).contains(SAKURA);
    }

    @Test
    void a_new_name_is_claimed_and_the_old_one_freed() {
        ProfilePatch patch = new ProfilePatch("こども居場所ネットワークさくら・かながわ", "コドモイバショネットワークサクラカナガワ",
                null, null, null, null, null, null, null, null, null, null, null, null);

        scenario.given(OrganizationStatus.ACTIVE)
                .when(new UpdateOrganizationProfile(SAKURA, null, patch))
                .expectSuccessfulHandlerExecution();

        assertThat(scenario.registry.holderOfName("こども居場所ネットワーク さくら かながわ")).contains(SAKURA);
        assertThat(scenario.registry.holderOfName(SAKURA_NAME)).isEmpty();
    }

    // ---- contacts -----------------------------------------------------------------------------------------------

    @Test
    void a_contact_person_can_be_added_with_the_personal_data_sealed() {
        scenario.given(OrganizationStatus.ACTIVE)
                .when(new AddContact(SAKURA, 1L, SATO, SATO_DETAILS))
                .expectEventsMatching(exactly(that(ContactAdded.class, "of 佐藤さん, sealed under his own key",
                        e -> e.organizationId().equals(SAKURA) && scenario.holds(e.contact(), SATO, SATO_DETAILS))))
                .expectResultMessagePayload(2L);
    }

    @Test
    void a_contact_person_with_a_malformed_address_is_refused() {
        ContactDetails details = new ContactDetails("佐藤 健", "ken.sato＠sakura-net.example.jp", "045-987-6543", "広報部");

        scenario.given(OrganizationStatus.ACTIVE)
                .when(new AddContact(SAKURA, null, SATO, details))
                .expectException(invalidInput("email"))
                .expectNoEvents();
    }

    @Test
    void a_contact_id_cannot_be_added_twice() {
        scenario.given(OrganizationStatus.ACTIVE, scenario.contactAdded(SATO, SATO_DETAILS))
                .when(new AddContact(SAKURA, null, SATO, SUZUKI_DETAILS))
                .expectException(ruleViolation("already exists"))
                .expectNoEvents();
    }

    @Test
    void a_contact_person_can_be_changed() {
        ContactDetails moved = new ContactDetails("佐藤 健", "ken.sato@kanagawa.sakura-net.example.jp", null, "神奈川事務所");

        scenario.given(OrganizationStatus.ACTIVE, scenario.contactAdded(SATO, SATO_DETAILS))
                .when(new ChangeContact(SAKURA, 2L, SATO, moved))
                .expectEventsMatching(exactly(that(ContactChanged.class, "with the new details, sealed",
                        e -> scenario.holds(e.contact(), SATO, moved))));
    }

    @Test
    void only_a_current_contact_person_can_be_changed() {
        scenario.given(OrganizationStatus.ACTIVE, scenario.contactAdded(SATO, SATO_DETAILS),
                        new ContactRemoved(SAKURA, SATO))
                .when(new ChangeContact(SAKURA, null, SATO, SATO_DETAILS))
                .expectException(ruleViolation("is not a current contact"))
                .expectNoEvents();
    }

    @Test
    void a_contact_person_other_than_the_primary_can_be_removed() {
        scenario.given(OrganizationStatus.ACTIVE, scenario.contactAdded(SATO, SATO_DETAILS))
                .when(new RemoveContact(SAKURA, 2L, SATO))
                .expectEvents(new ContactRemoved(SAKURA, SATO));
    }

    @Test
    void the_primary_contact_cannot_be_removed() {
        scenario.given(OrganizationStatus.ACTIVE, scenario.contactAdded(SATO, SATO_DETAILS))
                .when(new RemoveContact(SAKURA, null, YAMADA))
                .expectException(ruleViolation("primary contact cannot be removed"))
                .expectNoEvents();
    }

    @Test
    void another_contact_person_can_become_the_primary_contact() {
        scenario.given(OrganizationStatus.ACTIVE, scenario.contactAdded(SATO, SATO_DETAILS))
                .when(new ChangePrimaryContact(SAKURA, 2L, SATO))
                .expectEvents(new PrimaryContactChanged(SAKURA, SATO))
                .expectState(organization -> assertThat(organization.primaryContactId()).isEqualTo(SATO));
    }

    @Test
    void the_primary_contact_cannot_be_made_primary_again() {
        scenario.given(OrganizationStatus.ACTIVE)
                .when(new ChangePrimaryContact(SAKURA, null, YAMADA))
                .expectException(ruleViolation("already the primary contact"))
                .expectNoEvents();
    }

    @Test
    void the_former_primary_contact_can_be_removed_once_another_is_primary() {
        scenario.given(OrganizationStatus.ACTIVE, scenario.contactAdded(SATO, SATO_DETAILS),
                        new PrimaryContactChanged(SAKURA, SATO))
                .when(new RemoveContact(SAKURA, null, YAMADA))
                .expectEvents(new ContactRemoved(SAKURA, YAMADA));
    }

    // ---- erasure (個人情報保護法) ---------------------------------------------------------------------------------

    @Test
    void erasure_makes_the_contact_persons_data_unreadable_everywhere() {
        ContactAdded added = scenario.contactAdded(SATO, SATO_DETAILS);

        scenario.given(OrganizationStatus.ACTIVE, added)
                .when(new ErasePersonalData(SAKURA, SATO, "本人からの削除請求"))
                .expectEvents(new ContactPersonalDataErased(SAKURA, SATO, "本人からの削除請求"))
                .expectResultMessagePayload(3L);

        assertThat(scenario.unseal(added.contact().name())).isNull();
        assertThat(scenario.unseal(added.contact().email())).isNull();
        assertThat(scenario.unseal(added.contact().phone())).isNull();
        assertThat(scenario.unseal(scenario.sealedYamada.name())).as("others' data stays readable").isEqualTo("山田 花子");
    }

    @Test
    void erasing_twice_records_one_erasure() {
        scenario.given(OrganizationStatus.ACTIVE, scenario.contactAdded(SATO, SATO_DETAILS))
                .andGivenCommands(new ErasePersonalData(SAKURA, SATO, "本人からの削除請求"))
                .when(new ErasePersonalData(SAKURA, SATO, "本人からの削除請求（再送）"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(3L);
    }

    @Test
    void a_removed_contact_person_can_still_have_the_data_erased() {
        // Removal does not erase: the sealed data is still in the ContactAdded event.
        scenario.given(OrganizationStatus.ACTIVE, scenario.contactAdded(SATO, SATO_DETAILS),
                        new ContactRemoved(SAKURA, SATO))
                .when(new ErasePersonalData(SAKURA, SATO, "退職に伴う削除請求"))
                .expectEvents(new ContactPersonalDataErased(SAKURA, SATO, "退職に伴う削除請求"));
    }

    @Test
    void erasure_for_a_person_the_organization_never_had_is_refused() {
        scenario.given(OrganizationStatus.ACTIVE)
                .when(new ErasePersonalData(SAKURA, new ContactId("c-unknown"), "削除請求"))
                .expectException(ruleViolation("unknown to this organization"))
                .expectNoEvents();

        assertThat(scenario.vault.isErased("c-unknown")).isFalse();
    }

    @Test
    void an_erased_contact_person_cannot_be_changed() {
        scenario.given(OrganizationStatus.ACTIVE, scenario.contactAdded(SATO, SATO_DETAILS))
                .andGivenCommands(new ErasePersonalData(SAKURA, SATO, "本人からの削除請求"))
                .when(new ChangeContact(SAKURA, null, SATO, SATO_DETAILS))
                .expectException(ruleViolation("was erased"))
                .expectNoEvents();
    }

    @Test
    void an_erased_contact_person_cannot_become_the_primary_contact() {
        scenario.given(OrganizationStatus.ACTIVE, scenario.contactAdded(SATO, SATO_DETAILS))
                .andGivenCommands(new ErasePersonalData(SAKURA, SATO, "本人からの削除請求"))
                .when(new ChangePrimaryContact(SAKURA, null, SATO))
                .expectException(ruleViolation("was erased"))
                .expectNoEvents();
    }
}
