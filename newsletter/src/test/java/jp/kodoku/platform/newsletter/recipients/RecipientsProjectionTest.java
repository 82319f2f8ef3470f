package jp.kodoku.platform.newsletter.recipients;

import jp.kodoku.platform.infra.personaldata.SealedValue;
import jp.kodoku.platform.infra.readmodel.ReadModelBatches;
import jp.kodoku.platform.infra.testsupport.InMemoryPersonalDataVault;
import jp.kodoku.platform.newsletter.EmbeddedMongo;
import jp.kodoku.platform.membership.api.*;
import jp.kodoku.platform.newsletter.api.*;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who receives the newsletter, as the read model answers it: members' contacts by membership unless they left,
 * confirmed public subscribers, segments, erasure, and the consent ledger (on the embedded MongoDB wire server).
 */
class RecipientsProjectionTest {

    static final Instant APPROVED_AT = Instant.parse("2022-03-01T01:00:00Z");
    static final OrganizationId SAKURA = new OrganizationId("3f0c6a4e-2b1d-4c55-9a51-5a1f0b7e2c01");
    static final OrganizationId HOKKAIDO = new OrganizationId("8d2e61b0-7c4f-4f7a-8f1e-0a9c3d5b6e02");
    static final OrganizationId ZENKOKU = new OrganizationId("c1d2e3f4-0000-4000-8000-000000000003");
    static final ContactId HANAKO = new ContactId("5b8e1f7a-3c2d-4e9f-8a6b-1d0c9e8f7a61");
    static final ContactId TARO = new ContactId("5b8e1f7a-3c2d-4e9f-8a6b-1d0c9e8f7a62");
    static final ContactId JIRO = new ContactId("5b8e1f7a-3c2d-4e9f-8a6b-1d0c9e8f7a63");
    static final IssueId ISSUE = new IssueId("9b1c2d3e-4f50-4a61-8b72-c3d4e5f60718");
    static final SubscriptionId PUBLIC = new SubscriptionId("7c6d5e4f-3a2b-4c1d-9e8f-0a1b2c3d4e5f");

    private static EmbeddedMongo mongoServer;
    private final InMemoryPersonalDataVault vault = new InMemoryPersonalDataVault();
    private MongoTemplate mongo;
    private RecipientsProjection projection;

    @BeforeAll
    static void startServer() {
        mongoServer = new EmbeddedMongo();
    }

    @AfterAll
    static void stopServer() {
        mongoServer.close();
    }

    @BeforeEach
    void empty() {
        mongo = mongoServer.template("newsletter_recipients_test");
        projection = new RecipientsProjection(mongo, new ReadModelBatches(mongo, () -> { }), vault);
        projection.dropAll();
    }

    // ---- given --------------------------------------------------------------------------------------------------------

    static OrganizationProfile profile(boolean nationwide, Set<String> prefectures, Set<FieldOfActivity> fields) {
        return new OrganizationProfile("こども居場所ネットワークさくら", "コドモイバショネットワークサクラ",
                LegalForm.NPO_CORPORATION, null, BodyType.NPO_SUPPORT, nationwide, prefectures, fields,
                Set.of(TargetGroup.CHILDREN_AND_YOUTH), Set.of(), null, null, false);
    }

    static ContactPerson contact(ContactId id) {
        return new ContactPerson(id, new SealedValue(id.value(), "bmFtZQ=="), new SealedValue(id.value(), "ZW1haWw="),
                null, "事務局");
    }

    /** An organization applied (seq 0) and was approved (seq 1) with this primary contact. */
    void member(OrganizationId org, MemberCategory category, OrganizationProfile profile, ContactId primary) {
        projection.on(new MembershipApplicationSubmitted(org, profile, category, contact(primary), "2022-02", "hash"),
                0, APPROVED_AT.minusSeconds(86_400));
        projection.on(new MembershipApplicationApproved(org, 1, category, LocalDate.of(2022, 3, 1)), 1, APPROVED_AT);
    }

    List<SubscriptionId> recipients(Segment segment) {
        return projection.handle(new ListRecipients(segment)).stream().map(Recipient::subscriptionId).toList();
    }

    static Segment members(Set<MemberCategory> categories, Set<String> prefectures, Set<FieldOfActivity> fields) {
        return new Segment(Audience.MEMBERS, categories, prefectures, fields, Set.of());
    }

    // ---- rules --------------------------------------------------------------------------------------------------------

    @Test
    void a_members_contacts_receive_it_by_membership_and_an_applicants_do_not() {
        member(SAKURA, MemberCategory.REGULAR, profile(false, Set.of("13"), Set.of(FieldOfActivity.FOOD_SUPPORT)), HANAKO);
        projection.on(new ContactAdded(SAKURA, contact(TARO)), 2, APPROVED_AT.plusSeconds(60));
        projection.on(new MembershipApplicationSubmitted(HOKKAIDO, profile(false, Set.of("01"), Set.of()),
                MemberCategory.REGULAR, contact(JIRO), "2022-02", "hash"), 0, APPROVED_AT);

        assertThat(recipients(Segment.EVERYONE)).containsExactly(SubscriptionId.ofContact(HANAKO),
                SubscriptionId.ofContact(TARO));
        assertThat(projection.handle(new CountRecipients(Segment.EVERYONE))).isEqualTo(2L);
    }

    @Test
    void a_contact_who_left_receives_nothing_until_coming_back() {
        member(SAKURA, MemberCategory.REGULAR, profile(false, Set.of("13"), Set.of()), HANAKO);
        SubscriptionId hanako = SubscriptionId.ofContact(HANAKO);

        projection.on(new Unsubscribed(hanako, UnsubscribeChannel.ONE_CLICK, APPROVED_AT), 0);
        assertThat(recipients(Segment.EVERYONE)).isEmpty();

        projection.on(new Resubscribed(hanako, ConsentChannel.MEMBERSHIP, "2022-03", APPROVED_AT), 1);
        assertThat(recipients(Segment.EVERYONE)).containsExactly(hanako);
    }

    @Test
    void an_erased_contact_is_gone_from_every_list() {
        member(SAKURA, MemberCategory.REGULAR, profile(false, Set.of("13"), Set.of()), HANAKO);
        projection.on(new ContactPersonalDataErased(SAKURA, HANAKO, "本人からの請求"), 2);

        assertThat(recipients(Segment.EVERYONE)).isEmpty();
    }

    @Test
    void a_withdrawn_members_contacts_receive_nothing() {
        member(SAKURA, MemberCategory.REGULAR, profile(false, Set.of("13"), Set.of()), HANAKO);
        projection.on(new MemberWithdrawn(SAKURA, WithdrawalKind.REQUESTED_BY_MEMBER, "解散のため",
                LocalDate.of(2023, 3, 31)), 2);

        assertThat(recipients(Segment.EVERYONE)).isEmpty();
    }

    @Test
    void a_prefecture_segment_reaches_the_members_there_and_those_active_nationwide() {
        member(SAKURA, MemberCategory.REGULAR, profile(false, Set.of("13", "14"), Set.of()), HANAKO);
        member(HOKKAIDO, MemberCategory.COOPERATING, profile(false, Set.of("01"), Set.of()), TARO);
        member(ZENKOKU, MemberCategory.SUPPORTING, profile(true, Set.of(), Set.of()), JIRO);

        assertThat(recipients(members(Set.of(), Set.of("14"), Set.of())))
                .containsExactlyInAnyOrder(SubscriptionId.ofContact(HANAKO), SubscriptionId.ofContact(JIRO));
    }

    @Test
    void the_filters_of_a_segment_all_apply() {
        member(SAKURA, MemberCategory.REGULAR, profile(false, Set.of("13"), Set.of(FieldOfActivity.FOOD_SUPPORT)), HANAKO);
        member(HOKKAIDO, MemberCategory.COOPERATING, profile(false, Set.of("13"), Set.of(FieldOfActivity.FOOD_SUPPORT)), TARO);

        assertThat(recipients(members(Set.of(MemberCategory.REGULAR), Set.of("13"), Set.of(FieldOfActivity.FOOD_SUPPORT))))
                .containsExactly(SubscriptionId.ofContact(HANAKO));
        assertThat(recipients(members(Set.of(), Set.of(), Set.of(FieldOfActivity.SUICIDE_PREVENTION)))).isEmpty();
    }

    @Test
    void a_public_subscriber_receives_it_once_confirmed_and_alone_in_the_public_segment() {
        member(SAKURA, MemberCategory.REGULAR, profile(false, Set.of("13"), Set.of()), HANAKO);
        projection.on(requested(), 0);
        Segment publicOnly = new Segment(Audience.PUBLIC, null, null, null, null);
        assertThat(recipients(publicOnly)).isEmpty();

        projection.on(new SubscriptionConfirmed(PUBLIC, APPROVED_AT.plusSeconds(600)), 1);

        assertThat(recipients(publicOnly)).containsExactly(PUBLIC);
        assertThat(recipients(Segment.EVERYONE)).containsExactly(SubscriptionId.ofContact(HANAKO), PUBLIC);
    }

    @Test
    void an_erased_public_subscriber_is_gone_and_the_ledger_says_when() {
        projection.on(requested(), 0);
        projection.on(new SubscriptionConfirmed(PUBLIC, APPROVED_AT.plusSeconds(600)), 1);
        projection.on(new SubscriberPersonalDataErased(PUBLIC, "本人からの請求"), 2, APPROVED_AT.plusSeconds(7200));

        assertThat(recipients(Segment.EVERYONE)).isEmpty();
        assertThat(projection.handle(new FindConsentLedger(PUBLIC)).entries()).extracting(ConsentLedger.Entry::what)
                .containsExactly("REQUESTED", "CONFIRMED", "ERASED");
    }

    @Test
    void the_ledger_of_a_public_subscriber_records_what_when_how_and_the_wording() {
        projection.on(requested(), 0);
        projection.on(new SubscriptionConfirmed(PUBLIC, APPROVED_AT.plusSeconds(600)), 1);
        projection.on(new Unsubscribed(PUBLIC, UnsubscribeChannel.ONE_CLICK, APPROVED_AT.plusSeconds(9000)), 2);

        assertThat(projection.handle(new FindConsentLedger(PUBLIC))).isEqualTo(new ConsentLedger(PUBLIC,
                SubscriptionStatus.UNSUBSCRIBED, List.of(
                new ConsentLedger.Entry("REQUESTED", APPROVED_AT, "FORM", "2022-03"),
                new ConsentLedger.Entry("CONFIRMED", APPROVED_AT.plusSeconds(600), "FORM", "2022-03"),
                new ConsentLedger.Entry("UNSUBSCRIBED", APPROVED_AT.plusSeconds(9000), "ONE_CLICK", null))));
    }

    @Test
    void the_ledger_of_a_members_contact_starts_with_membership() {
        member(SAKURA, MemberCategory.REGULAR, profile(false, Set.of("13"), Set.of()), HANAKO);

        assertThat(projection.handle(new FindConsentLedger(SubscriptionId.ofContact(HANAKO)))).isEqualTo(
                new ConsentLedger(SubscriptionId.ofContact(HANAKO), SubscriptionStatus.ACTIVE,
                        List.of(new ConsentLedger.Entry("SUBSCRIBED_BY_MEMBERSHIP", APPROVED_AT, "MEMBERSHIP", null))));
    }

    // ---- bounces ------------------------------------------------------------------------------------------------------

    /** Sakura approved with Hanako, whose address is really sealed (the secretariat's list unseals it). */
    void sakuraWithHanakoAt(String address) {
        SealedValue[] sealed = vault.seal(HANAKO.value(), "山田花子", address);
        ContactPerson hanako = new ContactPerson(HANAKO, sealed[0], sealed[1], null, "事務局");
        projection.on(new MembershipApplicationSubmitted(SAKURA, profile(false, Set.of("13"), Set.of()),
                MemberCategory.REGULAR, hanako, "2022-02", "hash"), 0, APPROVED_AT.minusSeconds(86_400));
        projection.on(new MembershipApplicationApproved(SAKURA, 1, MemberCategory.REGULAR, LocalDate.of(2022, 3, 1)), 1,
                APPROVED_AT);
    }

    BounceRecorded hardBounce(SubscriptionId who, String diagnostic) {
        return new BounceRecorded(who, "<report-1@mx.example.jp>", BounceKind.HARD, "5.1.1",
                vault.seal(sealedUnder(who), diagnostic)[0], ISSUE, APPROVED_AT.plusSeconds(3600));
    }

    /** As the subscription seals a bounce's diagnostic: with the contact's own key for a member's contact. */
    static String sealedUnder(SubscriptionId who) {
        return who.value().startsWith("contact-") ? who.value().substring("contact-".length()) : who.value();
    }

    AddressSuspended suspendedBy(BounceRecorded bounce) {
        return new AddressSuspended(bounce.subscriptionId(), bounce.kind(), bounce.status(), bounce.diagnostic(),
                bounce.issueId(), 0, bounce.at());
    }

    @Test
    void a_suspended_contact_receives_nothing_and_is_not_counted_until_the_suspension_is_lifted() {
        member(SAKURA, MemberCategory.REGULAR, profile(false, Set.of("13"), Set.of()), HANAKO);
        SubscriptionId hanako = SubscriptionId.ofContact(HANAKO);
        BounceRecorded bounce = hardBounce(hanako, "550 5.1.1 User unknown");

        projection.on(bounce, 0);
        projection.on(suspendedBy(bounce), 1);
        assertThat(recipients(Segment.EVERYONE)).isEmpty();
        assertThat(projection.handle(new CountRecipients(Segment.EVERYONE))).isZero();

        projection.on(new SuspensionLifted(hanako, APPROVED_AT.plusSeconds(7200)), 2);
        assertThat(recipients(Segment.EVERYONE)).containsExactly(hanako);
    }

    @Test
    void a_suspended_public_subscriber_receives_nothing() {
        projection.on(requested(), 0);
        projection.on(new SubscriptionConfirmed(PUBLIC, APPROVED_AT.plusSeconds(600)), 1);
        BounceRecorded bounce = hardBounce(PUBLIC, "550 no such user");
        projection.on(bounce, 2);
        projection.on(suspendedBy(bounce), 3);

        assertThat(recipients(Segment.EVERYONE)).isEmpty();
    }

    @Test
    void the_secretariat_sees_the_bounced_address_with_its_reason_and_the_member_admin_sees_the_contact_bounces() {
        sakuraWithHanakoAt("hanako@sakura.example.jp");
        SubscriptionId hanako = SubscriptionId.ofContact(HANAKO);
        BounceRecorded bounce = hardBounce(hanako, "550 5.1.1 <hanako@sakura.example.jp>: User unknown");
        projection.on(bounce, 0);
        projection.on(suspendedBy(bounce), 1);

        BouncedAddress.Bounce reason = new BouncedAddress.Bounce(BounceKind.HARD, "5.1.1",
                "550 5.1.1 <hanako@sakura.example.jp>: User unknown", ISSUE, APPROVED_AT.plusSeconds(3600));
        assertThat(projection.handle(new ListBouncedAddresses())).containsExactly(new BouncedAddress(hanako,
                "hanako@sakura.example.jp", SAKURA, true, reason, List.of(reason)));
        assertThat(projection.handle(new ListBouncingContacts(SAKURA))).containsExactly(
                new BouncingContact(HANAKO, true, BounceKind.HARD, "5.1.1", APPROVED_AT.plusSeconds(3600)));
    }

    @Test
    void an_erased_contacts_bounces_go_with_it() {
        sakuraWithHanakoAt("hanako@sakura.example.jp");
        BounceRecorded bounce = hardBounce(SubscriptionId.ofContact(HANAKO), "550 User unknown");
        projection.on(bounce, 0);
        projection.on(suspendedBy(bounce), 1);

        projection.on(new ContactPersonalDataErased(SAKURA, HANAKO, "本人からの請求"), 2);

        assertThat(projection.handle(new ListBouncedAddresses())).isEmpty();
        assertThat(projection.handle(new ListBouncingContacts(SAKURA))).isEmpty();
    }

    @Test
    void an_erased_public_subscribers_bounces_go_with_it() {
        projection.on(requested(), 0);
        projection.on(hardBounce(PUBLIC, "550 User unknown"), 1);

        projection.on(new SubscriberPersonalDataErased(PUBLIC, "本人からの請求"), 2, APPROVED_AT.plusSeconds(7200));

        assertThat(projection.handle(new ListBouncedAddresses())).isEmpty();
    }

    @Test
    void an_event_handled_twice_is_recorded_once() {
        projection.on(requested(), 0);
        projection.on(requested(), 0);

        assertThat(projection.handle(new FindConsentLedger(PUBLIC)).entries()).hasSize(1);
    }

    private static SubscriptionRequested requested() {
        return new SubscriptionRequested(PUBLIC, new SealedValue(PUBLIC.value(), "ZW1haWw="), "2022-03", APPROVED_AT,
                APPROVED_AT.plusSeconds(48 * 3600), "hash", new SealedValue(PUBLIC.value(), "dG9rZW4="));
    }
}
