package jp.kodoku.platform.membership.organization;

import jp.kodoku.platform.membership.api.*;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.stream.Stream;

import static jp.kodoku.platform.membership.organization.MembershipScenario.*;
import static org.assertj.core.api.Assertions.assertThat;

/** 会員情報登録: from the application to the secretariat's decision. */
class MemberOrganizationApplicationTest {

    private final MembershipScenario scenario = new MembershipScenario();

    // ---- submission ---------------------------------------------------------------------------------------------

    @Test
    void submitting_an_application_records_it_with_the_contact_details_sealed() {
        scenario.givenNoApplication()
                .when(submit(sakura()))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(0L)
                .expectEventsMatching(exactly(that(MembershipApplicationSubmitted.class,
                        "of さくら with 山田さん sealed",
                        e -> e.organizationId().equals(SAKURA)
                                && e.profile().equals(sakura())
                                && e.requestedCategory() == MemberCategory.REGULAR
                                && e.bylawsVersion().equals(BYLAWS_VERSION)
                                && e.accessTokenHash().equals(ACCESS_TOKEN_HASH)
                                && scenario.holds(e.primaryContact(), e.primaryContact().contactId(), YAMADA_DETAILS))))
                .expectState(organization -> assertThat(organization.awaitsDecision()).isTrue());
    }

    @Test
    void the_private_link_of_the_applicant_leads_to_the_application() {
        scenario.givenNoApplication()
                .when(submit(sakura()))
                .expectEventsMatching(exactly(that(MembershipApplicationSubmitted.class,
                        "a submission carrying the SHA-256 of the private link",
                        e -> ACCESS_TOKEN_HASH.equals(e.accessTokenHash()))));
    }

    @Test
    void a_submitted_application_claims_its_name_and_corporate_number() {
        scenario.givenNoApplication()
                .when(submit(sakura()))
                .expectSuccessfulHandlerExecution();

        assertThat(scenario.registry.holderOfCorporateNumber(SAKURA_CORPORATE_NUMBER)).contains(SAKURA);
        assertThat(scenario.registry.holderOfName("こども居場所ネットワーク さくら")).contains(SAKURA);
    }

    @Test
    void an_application_is_stored_in_normalized_form() {
        // Typed with surrounding spaces and a reading in half-width katakana from an older system.
        OrganizationProfile typed = sakuraNamed("　" + SAKURA_NAME + " ", "ｺﾄﾞﾓｲﾊﾞｼｮﾈｯﾄﾜｰｸｻｸﾗ");

        scenario.givenNoApplication()
                .when(submit(typed))
                .expectEventsMatching(exactly(that(MembershipApplicationSubmitted.class, "with the profile normalized",
                        e -> e.profile().name().equals(SAKURA_NAME) && e.profile().nameKana().equals(SAKURA_KANA))));
    }

    @Test
    void a_voluntary_association_applies_without_a_corporate_number() {
        scenario.givenNoApplication()
                .when(submit(sakuraWith(LegalForm.UNINCORPORATED_ASSOCIATION, null)))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(exactly(that(MembershipApplicationSubmitted.class, "without a corporate number",
                        e -> e.profile().corporateNumber() == null)));
    }

    @Test
    void an_application_with_the_corporate_number_of_a_registered_organization_is_refused_naming_it() {
        scenario.givenNoApplication()
                .when(submit(sakuraWith(LegalForm.NPO_CORPORATION, HIDAMARI_CORPORATE_NUMBER)))
                .expectException(duplicateOf("corporateNumber", HIDAMARI, HIDAMARI_NAME))
                .expectNoEvents();

        assertThat(scenario.registry.holderOfName(SAKURA_NAME)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "ひだまり相談ネット",            // the same
            "ヒダマリ相談ネット",            // katakana for hiragana
            "ﾋﾀﾞﾏﾘ相談ネット",              // half-width katakana
            "ひだまり相談ネット　",          // a trailing ideographic space
            "ひだまり・相談ネット",          // a separator
            "「ひだまり相談ネット」"         // brackets
    })
    void an_application_with_the_name_of_a_registered_organization_written_differently_is_refused(String name) {
        scenario.givenNoApplication()
                .when(submit(sakuraNamed(name, "ヒダマリソウダンネット")))
                .expectException(duplicateOf("name", HIDAMARI, HIDAMARI_NAME))
                .expectNoEvents();
    }

    @Test
    void an_application_with_invalid_data_is_refused_naming_every_bad_field() {
        OrganizationProfile p = sakura();
        OrganizationProfile invalid = new OrganizationProfile(p.name(), "こどもいばしょねっとわーくさくら",
                p.legalForm(), "3011105004321" /* check digit should be 2 */, p.bodyType(), false, Set.of("13", "48"),
                Set.of(), p.targetGroups(), p.consultationCapabilities(), "ftp://sakura-net.example.jp",
                p.publicDescription(), true);
        ContactDetails badContact = new ContactDetails("山田 花子", "hanako.yamada", "03-1234-5678", "事務局");

        scenario.givenNoApplication()
                .when(new SubmitMembershipApplication(SAKURA, invalid, null, badContact, " ", ACCESS_TOKEN_HASH))
                .expectException(invalidInput("profile.nameKana", "profile.corporateNumber", "profile.prefectureCodes",
                        "profile.fieldsOfActivity", "profile.website", "primaryContact.email", "requestedCategory",
                        "bylawsVersion"))
                .expectNoEvents();

        assertThat(scenario.registry.holderOfName(SAKURA_NAME)).isEmpty();
    }

    @Test
    void a_corporation_must_give_its_corporate_number() {
        scenario.givenNoApplication()
                .when(submit(sakuraWith(LegalForm.NPO_CORPORATION, null)))
                .expectException(invalidInput("profile.corporateNumber"))
                .expectNoEvents();
    }

    // ---- send-back and resubmission -----------------------------------------------------------------------------

    @Test
    void the_secretariat_can_send_back_a_submitted_application() {
        scenario.given(OrganizationStatus.APPLIED)
                .when(new SendBackMembershipApplication(SAKURA, 0L, "活動地域（都道府県）の記載を確認してください。"))
                .expectEvents(new MembershipApplicationSentBack(SAKURA, "活動地域（都道府県）の記載を確認してください。"))
                .expectResultMessagePayload(1L);
    }

    @ParameterizedTest
    @EnumSource(value = OrganizationStatus.class, names = {"RETURNED_FOR_CHANGES", "REJECTED", "ACTIVE", "SUSPENDED", "WITHDRAWN"})
    void only_a_submitted_application_can_be_sent_back(OrganizationStatus status) {
        scenario.given(status)
                .when(new SendBackMembershipApplication(SAKURA, null, "もう一度確認してください。"))
                .expectException(MembershipRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void an_application_sent_back_can_be_resubmitted_with_corrections() {
        OrganizationProfile p = sakura();
        OrganizationProfile corrected = new OrganizationProfile(p.name(), p.nameKana(), p.legalForm(),
                p.corporateNumber(), p.bodyType(), false, Set.of("11", "13", "14"), p.fieldsOfActivity(),
                p.targetGroups(), p.consultationCapabilities(), p.website(),
                "埼玉県・東京都・神奈川県で、こどもの居場所とこども食堂のネットワークを運営しています。", true);
        ContactDetails newDetails = new ContactDetails("山田 花子", "info@sakura-net.example.jp", null, "代表");

        scenario.given(OrganizationStatus.RETURNED_FOR_CHANGES)
                .when(new ResubmitMembershipApplication(SAKURA, corrected, MemberCategory.SUPPORTING, newDetails))
                .expectEventsMatching(exactly(that(MembershipApplicationResubmitted.class,
                        "with the corrections and the same primary contact, sealed",
                        e -> e.profile().equals(corrected)
                                && e.requestedCategory() == MemberCategory.SUPPORTING
                                && scenario.holds(e.primaryContact(), YAMADA, newDetails))))
                .expectResultMessagePayload(2L)
                .expectState(organization -> assertThat(organization.awaitsDecision()).isTrue());
    }

    @ParameterizedTest
    @EnumSource(value = OrganizationStatus.class, names = {"APPLIED", "REJECTED", "ACTIVE", "SUSPENDED", "WITHDRAWN"})
    void only_an_application_sent_back_can_be_resubmitted(OrganizationStatus status) {
        scenario.given(status)
                .when(new ResubmitMembershipApplication(SAKURA, sakura(), MemberCategory.REGULAR, YAMADA_DETAILS))
                .expectException(MembershipRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_resubmission_cannot_take_the_name_of_a_registered_organization() {
        scenario.given(OrganizationStatus.RETURNED_FOR_CHANGES)
                .when(new ResubmitMembershipApplication(SAKURA, sakuraNamed("ヒダマリ相談ネット", "ヒダマリソウダンネット"),
                        MemberCategory.REGULAR, YAMADA_DETAILS))
                .expectException(duplicateOf("name", HIDAMARI, HIDAMARI_NAME))
                .expectNoEvents();
    }

    // ---- approval -----------------------------------------------------------------------------------------------

    @Test
    void approval_assigns_the_next_member_number() {
        scenario.given(OrganizationStatus.APPLIED)
                .when(new ApproveMembershipApplication(SAKURA, 0L, LocalDate.of(2022, 12, 1)))
                .expectEvents(new MembershipApplicationApproved(SAKURA, LAST_ISSUED_MEMBER_NUMBER + 1,
                        MemberCategory.REGULAR, LocalDate.of(2022, 12, 1)))
                .expectResultMessagePayload(1L);

        assertThat(scenario.memberNumbers.lastIssued()).isEqualTo(372);
    }

    @Test
    void approval_without_a_date_starts_membership_today_in_japan() {
        LocalDate before = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        scenario.given(OrganizationStatus.APPLIED)
                .when(new ApproveMembershipApplication(SAKURA, null, null))
                .expectEventsMatching(exactly(that(MembershipApplicationApproved.class, "joining today (Asia/Tokyo)",
                        e -> !e.joinedOn().isBefore(before)
                                && !e.joinedOn().isAfter(LocalDate.now(ZoneId.of("Asia/Tokyo"))))));
    }

    @ParameterizedTest
    @EnumSource(value = OrganizationStatus.class, names = {"RETURNED_FOR_CHANGES", "REJECTED", "ACTIVE", "SUSPENDED", "WITHDRAWN"})
    void only_a_submitted_application_can_be_approved(OrganizationStatus status) {
        scenario.given(status)
                .when(new ApproveMembershipApplication(SAKURA, null, LocalDate.of(2022, 12, 1)))
                .expectException(MembershipRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_refused_approval_uses_no_member_number() {
        scenario.given(OrganizationStatus.RETURNED_FOR_CHANGES)
                .when(new ApproveMembershipApplication(SAKURA, null, LocalDate.of(2022, 12, 1)))
                .expectException(ruleViolation("one sent back must be resubmitted first"));

        assertThat(scenario.memberNumbers.lastIssued()).isEqualTo(LAST_ISSUED_MEMBER_NUMBER);
    }

    @Test
    void an_application_sent_back_can_be_approved_once_it_is_resubmitted() {
        scenario.given(OrganizationStatus.RETURNED_FOR_CHANGES)
                .andGivenCommands(new ResubmitMembershipApplication(SAKURA, sakura(), MemberCategory.COOPERATING,
                        YAMADA_DETAILS))
                .when(new ApproveMembershipApplication(SAKURA, 2L, LocalDate.of(2022, 12, 1)))
                .expectEvents(new MembershipApplicationApproved(SAKURA, 372, MemberCategory.COOPERATING,
                        LocalDate.of(2022, 12, 1)));
    }

    // ---- rejection ----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = OrganizationStatus.class, names = {"APPLIED", "RETURNED_FOR_CHANGES"})
    void the_secretariat_can_reject_an_open_application(OrganizationStatus status) {
        scenario.given(status)
                .when(new RejectMembershipApplication(SAKURA, null, "孤独・孤立対策に関する活動実態が確認できないため"))
                .expectEvents(new MembershipApplicationRejected(SAKURA, "孤独・孤立対策に関する活動実態が確認できないため"));
    }

    @Test
    void rejection_frees_the_name_and_corporate_number_for_a_new_application() {
        scenario.given(OrganizationStatus.APPLIED)
                .when(new RejectMembershipApplication(SAKURA, null, "対象外の活動のため"))
                .expectSuccessfulHandlerExecution();

        assertThat(scenario.registry.holderOfCorporateNumber(SAKURA_CORPORATE_NUMBER)).isEmpty();
        assertThat(scenario.registry.holderOfName(SAKURA_NAME)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = OrganizationStatus.class, names = {"REJECTED", "ACTIVE", "SUSPENDED", "WITHDRAWN"})
    void only_an_open_application_can_be_rejected(OrganizationStatus status) {
        scenario.given(status)
                .when(new RejectMembershipApplication(SAKURA, null, "対象外の活動のため"))
                .expectException(MembershipRuleViolation.class)
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyChange")
    void nothing_changes_a_rejected_application(Object command) {
        scenario.given(OrganizationStatus.REJECTED)
                .when(command)
                .expectException(ruleViolation("the application was rejected"))
                .expectNoEvents();
    }

    static Stream<Named<Object>> everyChange() {
        return Stream.of(
                Named.of("send back", new SendBackMembershipApplication(SAKURA, null, "再確認")),
                Named.of("resubmit", new ResubmitMembershipApplication(SAKURA, sakura(), MemberCategory.REGULAR,
                        YAMADA_DETAILS)),
                Named.of("approve", new ApproveMembershipApplication(SAKURA, null, LocalDate.of(2022, 12, 1))),
                Named.of("reject again", new RejectMembershipApplication(SAKURA, null, "再度却下")),
                Named.of("update profile", new UpdateOrganizationProfile(SAKURA, null,
                        patch("https://sakura.example.org", null))),
                Named.of("add contact", new AddContact(SAKURA, null, SATO, SATO_DETAILS)),
                Named.of("change contact", new ChangeContact(SAKURA, null, YAMADA, SUZUKI_DETAILS)),
                Named.of("remove contact", new RemoveContact(SAKURA, null, YAMADA)),
                Named.of("change primary contact", new ChangePrimaryContact(SAKURA, null, YAMADA)),
                Named.of("change category", new ChangeMemberCategory(SAKURA, null, MemberCategory.SUPPORTING, "申出",
                        LocalDate.of(2023, 4, 1))),
                Named.of("suspend", new SuspendMember(SAKURA, null, "調査のため")),
                Named.of("withdraw", new RecordWithdrawal(SAKURA, null, WithdrawalKind.REQUESTED_BY_MEMBER, "辞退",
                        LocalDate.of(2023, 4, 1))));
    }
}
