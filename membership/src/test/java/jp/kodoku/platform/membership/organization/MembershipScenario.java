package jp.kodoku.platform.membership.organization;

import jp.kodoku.platform.infra.testsupport.InMemoryPersonalDataVault;
import jp.kodoku.platform.infra.personaldata.SealedValue;
import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.membership.api.*;
import org.axonframework.messaging.Message;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

/**
 * Builds the given/when/then world of a {@link MemberOrganization}: the Axon fixture with
 * {@link MembershipCommandHandler} registered on in-memory collaborators, the test data (one applicant,
 * 「こども居場所ネットワークさくら」, and one organization that is already registered, 「ひだまり相談ネット」), the histories
 * that bring the applicant into each {@link OrganizationStatus}, and matchers for events whose sealed values are
 * random.
 */
final class MembershipScenario {

    // ---- test data ----------------------------------------------------------------------------------------------

    static final OrganizationId SAKURA = new OrganizationId("3f0c6a4e-2b1d-4c55-9a51-5a1f0b7e2c01");
    static final String SAKURA_NAME = "こども居場所ネットワークさくら";
    static final String SAKURA_KANA = "コドモイバショネットワークサクラ";
    static final String SAKURA_CORPORATE_NUMBER = "2011105004321";

    /** Already a member when the scenarios start; only the registry knows it (a fixture holds one aggregate). */
    static final OrganizationId HIDAMARI = new OrganizationId("8d2e61b0-7c4f-4f7a-8f1e-0a9c3d5b6e02");
    static final String HIDAMARI_NAME = "ひだまり相談ネット";
    static final String HIDAMARI_CORPORATE_NUMBER = "7010405009876";

    static final ContactId YAMADA = new ContactId("c-yamada");
    static final ContactDetails YAMADA_DETAILS =
            new ContactDetails("山田 花子", "hanako.yamada@sakura-net.example.jp", "03-1234-5678", "事務局");
    static final ContactId SATO = new ContactId("c-sato");
    static final ContactDetails SATO_DETAILS =
            new ContactDetails("佐藤 健", "ken.sato@sakura-net.example.jp", "045-987-6543", "広報部");
    static final ContactDetails SUZUKI_DETAILS =
            new ContactDetails("鈴木 一郎", "ichiro.suzuki@sakura-net.example.jp", null, "事務局");

    static final String BYLAWS_VERSION = "2022-02";
    static final String ACCESS_TOKEN_HASH = sha256("sakura-private-link-token");

    /** The number the given histories' approval gave the applicant. */
    static final int SAKURA_MEMBER_NUMBER = 128;
    /** 371 members as of 2022-12-01: the next approval gets 372. */
    static final int LAST_ISSUED_MEMBER_NUMBER = 371;
    static final LocalDate JOINED_ON = LocalDate.of(2022, 4, 1);
    static final LocalDate STEERING_TERM_START = LocalDate.of(2022, 6, 1);
    static final LocalDate STEERING_TERM_END = LocalDate.of(2024, 3, 31);
    static final LocalDate WITHDRAWN_ON = LocalDate.of(2025, 3, 31);

    static OrganizationProfile sakura() {
        return new OrganizationProfile(SAKURA_NAME, SAKURA_KANA, LegalForm.NPO_CORPORATION, SAKURA_CORPORATE_NUMBER,
                BodyType.NPO_SUPPORT, false, Set.of("13", "14"),
                Set.of(FieldOfActivity.PLACE_TO_BELONG, FieldOfActivity.FOOD_SUPPORT),
                Set.of(TargetGroup.CHILDREN_AND_YOUTH, TargetGroup.SINGLE_PARENTS),
                Set.of(ConsultationCapability.LOCAL_SUPPORT), "https://sakura-net.example.jp",
                "東京都と神奈川県で、こどもの居場所とこども食堂のネットワークを運営しています。", true);
    }

    static OrganizationProfile hidamari() {
        return new OrganizationProfile(HIDAMARI_NAME, "ヒダマリソウダンネット",
                LegalForm.GENERAL_INCORPORATED_ASSOCIATION, HIDAMARI_CORPORATE_NUMBER, BodyType.NPO_SUPPORT, true,
                Set.of(), Set.of(FieldOfActivity.CONSULTATION), Set.of(TargetGroup.MENTAL_HEALTH),
                Set.of(ConsultationCapability.COUNTER_CONSULTATION), "https://hidamari.example.jp",
                "電話とSNSで全国から相談を受けています。", true);
    }

    /** The applicant's profile with another name and reading, everything else unchanged. */
    static OrganizationProfile sakuraNamed(String name, String kana) {
        OrganizationProfile p = sakura();
        return new OrganizationProfile(name, kana, p.legalForm(), p.corporateNumber(), p.bodyType(), p.nationwide(),
                p.prefectureCodes(), p.fieldsOfActivity(), p.targetGroups(), p.consultationCapabilities(), p.website(),
                p.publicDescription(), p.consentToPublish());
    }

    /** The applicant's profile with another corporate number (null for none) and legal form. */
    static OrganizationProfile sakuraWith(LegalForm legalForm, String corporateNumber) {
        OrganizationProfile p = sakura();
        return new OrganizationProfile(p.name(), p.nameKana(), legalForm, corporateNumber, p.bodyType(),
                p.nationwide(), p.prefectureCodes(), p.fieldsOfActivity(), p.targetGroups(),
                p.consultationCapabilities(), p.website(), p.publicDescription(), p.consentToPublish());
    }

    // ---- commands -----------------------------------------------------------------------------------------------

    static SubmitMembershipApplication submit(OrganizationProfile profile) {
        return new SubmitMembershipApplication(SAKURA, profile, MemberCategory.REGULAR, YAMADA_DETAILS, BYLAWS_VERSION,
                ACCESS_TOKEN_HASH);
    }

    static ProfilePatch patch(String website, String publicDescription) {
        return new ProfilePatch(null, null, null, null, null, null, null, null, null, null, website, publicDescription,
                null, null);
    }

    // ---- events of the given histories ----------------------------------------------------------------------------

    static MembershipApplicationSentBack sentBack() {
        return new MembershipApplicationSentBack(SAKURA, "活動地域（都道府県）の記載を確認してください。");
    }

    static MembershipApplicationRejected rejected() {
        return new MembershipApplicationRejected(SAKURA, "孤独・孤立対策に関する活動実態が確認できないため");
    }

    static MembershipApplicationApproved approved() {
        return new MembershipApplicationApproved(SAKURA, SAKURA_MEMBER_NUMBER, MemberCategory.REGULAR, JOINED_ON);
    }

    static MemberSuspended suspended() {
        return new MemberSuspended(SAKURA, "会則第8条に基づく調査のため");
    }

    static MemberWithdrawn withdrawn() {
        return new MemberWithdrawn(SAKURA, WithdrawalKind.REQUESTED_BY_MEMBER, "活動終了のため", WITHDRAWN_ON);
    }

    static SteeringMemberAppointed appointedSteeringMember() {
        return new SteeringMemberAppointed(SAKURA, STEERING_TERM_START, STEERING_TERM_END);
    }

    static MemberCategoryChanged categoryChangedTo(MemberCategory category) {
        return new MemberCategoryChanged(SAKURA, MemberCategory.REGULAR, category, "申出による変更",
                LocalDate.of(2023, 4, 1));
    }

    // ---- the fixture --------------------------------------------------------------------------------------------

    final InMemoryOrganizationRegistry registry = new InMemoryOrganizationRegistry();
    final SequentialMemberNumbers memberNumbers = new SequentialMemberNumbers(LAST_ISSUED_MEMBER_NUMBER);
    final InMemoryPersonalDataVault vault = new InMemoryPersonalDataVault();
    final FixtureConfiguration<MemberOrganization> fixture = new AggregateTestFixture<>(MemberOrganization.class);

    /** The primary contact as the given histories recorded it. */
    final ContactPerson sealedYamada;

    MembershipScenario() {
        fixture.registerAnnotatedCommandHandler(new MembershipCommandHandler(fixture.getRepository(), registry,
                memberNumbers, vault));
        registry.claim(HIDAMARI, hidamari());
        sealedYamada = sealed(YAMADA, YAMADA_DETAILS);
    }

    MembershipApplicationSubmitted submitted() {
        return new MembershipApplicationSubmitted(SAKURA, sakura(), MemberCategory.REGULAR, sealedYamada,
                BYLAWS_VERSION, ACCESS_TOKEN_HASH);
    }

    ContactAdded contactAdded(ContactId id, ContactDetails details) {
        return new ContactAdded(SAKURA, sealed(id, details));
    }

    /** The events that bring the applicant into {@code status}. */
    List<Object> history(OrganizationStatus status) {
        return switch (status) {
            case APPLIED -> List.of(submitted());
            case RETURNED_FOR_CHANGES -> List.of(submitted(), sentBack());
            case REJECTED -> List.of(submitted(), rejected());
            case ACTIVE -> List.of(submitted(), approved());
            case SUSPENDED -> List.of(submitted(), approved(), suspended());
            case WITHDRAWN -> List.of(submitted(), approved(), withdrawn());
        };
    }

    /**
     * The applicant in {@code status}, followed by {@code laterEvents}; the registry and the private links are set up
     * as the handler left them (a rejected or withdrawn organization holds no keys).
     */
    TestExecutor<MemberOrganization> given(OrganizationStatus status, Object... laterEvents) {
        if (status != OrganizationStatus.REJECTED && status != OrganizationStatus.WITHDRAWN) {
            registry.claim(SAKURA, sakura());
        }
        List<Object> events = new ArrayList<>(history(status));
        events.addAll(Arrays.asList(laterEvents));
        return fixture.given(events);
    }

    TestExecutor<MemberOrganization> givenNoApplication() {
        return fixture.givenNoPriorActivity();
    }

    ContactPerson sealed(ContactId id, ContactDetails details) {
        SealedValue[] sealed = vault.seal(id.value(), details.name(), details.email(), details.phone());
        return new ContactPerson(id, sealed[0], sealed[1], sealed[2], details.department());
    }

    /** The plain text, or null once erased. */
    String unseal(SealedValue value) {
        return vault.unseal(value).orElse(null);
    }

    /** Whether {@code person} holds {@code details}, sealed (not in plain text) under the person's own key. */
    boolean holds(ContactPerson person, ContactId id, ContactDetails details) {
        return person.contactId().equals(id)
                && isSealed(person.name(), id, details.name())
                && isSealed(person.email(), id, details.email())
                && (details.phone() == null ? person.phone() == null : isSealed(person.phone(), id, details.phone()))
                && java.util.Objects.equals(person.department(), details.department());
    }

    private boolean isSealed(SealedValue value, ContactId id, String plain) {
        return value != null
                && value.subject().equals(id.value())
                && !value.ciphertext().contains(plain)
                && plain.equals(unseal(value));
    }

    // ---- matchers -----------------------------------------------------------------------------------------------

    /** Matches an instance of {@code type} for which {@code check} holds. */
    static <T> Matcher<Object> that(Class<T> type, String description, Predicate<? super T> check) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object item) {
                return type.isInstance(item) && check.test(type.cast(item));
            }

            @Override
            public void describeTo(Description d) {
                d.appendText(type.getSimpleName()).appendText(" ").appendText(description);
            }
        };
    }

    /** Events whose payloads match {@code matchers}, in this order, and no others. */
    @SafeVarargs
    static Matcher<List<Message<?>>> exactly(Matcher<Object>... matchers) {
        Matcher<Object>[] all = Arrays.copyOf(matchers, matchers.length + 1);
        all[matchers.length] = andNoMore();
        return payloadsMatching(exactSequenceOf(all));
    }

    static Matcher<Object> ruleViolation(String messageFragment) {
        return that(MembershipRuleViolation.class, "saying '" + messageFragment + "'",
                e -> e.getMessage().contains(messageFragment));
    }

    static Matcher<Object> invalidInput(String... fields) {
        return that(InvalidMembershipInput.class, "naming exactly " + Arrays.toString(fields),
                e -> e.violations().stream().map(FieldViolation::field).collect(java.util.stream.Collectors.toSet())
                      .equals(Set.of(fields)));
    }

    static Matcher<Object> duplicateOf(String field, OrganizationId existingId, String existingName) {
        return that(DuplicateOrganization.class, "on " + field + " naming " + existingName + " (" + existingId + ")",
                e -> e.field().equals(field) && e.existingId().equals(existingId)
                        && e.existingName().equals(existingName));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                                         .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
