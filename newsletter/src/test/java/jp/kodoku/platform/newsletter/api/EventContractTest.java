package jp.kodoku.platform.newsletter.api;

import jp.kodoku.platform.infra.testsupport.EventContracts;
import jp.kodoku.platform.infra.personaldata.SealedValue;
import jp.kodoku.platform.membership.api.ContactId;
import jp.kodoku.platform.membership.api.FieldOfActivity;
import jp.kodoku.platform.membership.api.MemberCategory;
import jp.kodoku.platform.membership.api.TargetGroup;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event is a contract: its stored JSON is pinned in {@code src/test/resources/contracts}. A change of shape
 * fails here; the fix is a new event or an upcaster (with a test reading the old form), never an edited contract.
 */
class EventContractTest {

    private static final IssueId ISSUE = new IssueId("9b1c2d3e-4f50-4a61-8b72-c3d4e5f60718");
    private static final ItemId ITEM = new ItemId("0a1b2c3d-4e5f-4061-8273-94a5b6c7d8e9");
    private static final SubscriptionId SUBSCRIPTION = new SubscriptionId("7c6d5e4f-3a2b-4c1d-9e8f-0a1b2c3d4e5f");
    private static final ItemProposalId PROPOSAL = new ItemProposalId("3f2e1d0c-9b8a-4765-8432-10fedcba9876");
    private static final Instant MONDAY_NINE = Instant.parse("2022-03-28T00:00:00Z");
    private static final ItemContent CONTENT = new ItemContent("こども食堂の新しい拠点が開所しました",
            "**さくら**では、4月から *毎週土曜日* に開所します。\n\n- 場所: 東京都新宿区\n- 対象: こども・若者",
            "https://sakura.example.jp/news/2022-04", false);

    private static final Set<Class<?>> QUERY_ANSWERS = Set.of(ConsentLedger.class, Recipient.class, IssueSummary.class,
            IssueDetails.class, IssuePreview.class, SendingProgress.class, ProposalDetails.class, ArchivedIssue.class,
            ArchivedIssueSummary.class, BouncedAddress.class, BouncingContact.class);

    static Stream<Object> events() {
        return Stream.of(
                new IssueDrafted(ISSUE, "孤独・孤立対策官民連携プラットフォーム メールマガジン", MONDAY_NINE, Section.DEFAULTS),
                new IssueRevised(ISSUE, "官民連携プラットフォーム メールマガジン（3月28日号）", MONDAY_NINE),
                new IssueSectionAdded(ISSUE, new Section("section-1", "分科会だより")),
                new IssueSectionRemoved(ISSUE, "section-1"),
                new IssueItemAdded(ISSUE, ITEM, "member-activities", CONTENT),
                new IssueItemRevised(ISSUE, ITEM, new ItemContent(CONTENT.title(), CONTENT.body(), null, true)),
                new IssueItemRemoved(ISSUE, ITEM),
                new IssueItemMoved(ISSUE, ITEM, "notices", 0),
                new IssueSegmentChosen(ISSUE, new Segment(Audience.MEMBERS, Set.of(MemberCategory.REGULAR), Set.of("13"),
                        Set.of(FieldOfActivity.values()[0]), Set.of(TargetGroup.values()[0]))),
                new IssueScheduled(ISSUE, MONDAY_NINE),
                new IssueReturnedToDraft(ISSUE),
                new IssueCancelled(ISSUE, "臨時号と内容が重複するため"),
                new IssueSendingStarted(ISSUE, 1, MONDAY_NINE),
                new IssueSent(ISSUE, Instant.parse("2022-03-28T00:04:31Z"), 1998, 2),
                new SubscriptionRequested(SUBSCRIPTION, new SealedValue(SUBSCRIPTION.value(), "ZW1haWw="), "2022-03",
                        MONDAY_NINE, MONDAY_NINE.plusSeconds(48 * 3600), "ab12", new SealedValue(SUBSCRIPTION.value(), "dG9rZW4=")),
                new SubscriptionConfirmed(SUBSCRIPTION, MONDAY_NINE.plusSeconds(600)),
                new Unsubscribed(SubscriptionId.ofContact(new ContactId("5b8e1f7a-3c2d-4e9f-8a6b-1d0c9e8f7a61")),
                        UnsubscribeChannel.ONE_CLICK, MONDAY_NINE),
                new Resubscribed(SubscriptionId.ofContact(new ContactId("5b8e1f7a-3c2d-4e9f-8a6b-1d0c9e8f7a61")),
                        ConsentChannel.MEMBERSHIP, "2022-03", MONDAY_NINE),
                new SubscriberPersonalDataErased(SUBSCRIPTION, "本人からの請求"),
                // bounces (RFC 3464 reports read from the bounce mailbox)
                new BounceRecorded(SUBSCRIPTION, "<20220404.report-1@mx.example.jp>", BounceKind.SOFT, "4.2.2",
                        new SealedValue(SUBSCRIPTION.value(), "ZGlhZ25vc3RpYw=="), ISSUE, MONDAY_NINE.plusSeconds(900)),
                new AddressSuspended(SUBSCRIPTION, BounceKind.HARD, "5.1.1",
                        new SealedValue(SUBSCRIPTION.value(), "ZGlhZ25vc3RpYw=="), ISSUE, 0, MONDAY_NINE.plusSeconds(900)),
                new SuspensionLifted(SUBSCRIPTION, MONDAY_NINE.plusSeconds(86400)),
                // items proposed by members
                new ItemProposed(PROPOSAL, new jp.kodoku.platform.membership.api.OrganizationId(
                        "0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d"), ProposalKind.ACTIVITY_REPORT, CONTENT, MONDAY_NINE),
                new ProposalAccepted(PROPOSAL, ISSUE, new ItemId(PROPOSAL.value()), "member-activities",
                        new ItemContent("さくら こども食堂 新拠点のお知らせ", CONTENT.body(), CONTENT.link(), false), true,
                        MONDAY_NINE.plusSeconds(3600)),
                new ProposalDeferred(PROPOSAL, "4月の号で紹介します", MONDAY_NINE.plusSeconds(3600)),
                new ProposalRejected(PROPOSAL, "営利目的の催しのため掲載できません", MONDAY_NINE.plusSeconds(3600)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void keeps_its_stored_shape_and_reads_its_stored_form(Object event) throws IOException {
        EventContracts.assertKeepsItsContract(event);
    }

    /** An event record of the api package without a case above fails here, so none goes unpinned. */
    @Test
    void every_event_of_the_module_has_a_contract_case() throws IOException {
        Set<String> cased = events().map(e -> e.getClass().getSimpleName()).collect(Collectors.toSet());
        Set<String> events;
        try (Stream<Path> files = Files.list(Path.of("src/main/java/jp/kodoku/platform/newsletter/api"))) {
            events = files.map(f -> f.getFileName().toString().replace(".java", ""))
                          .filter(EventContractTest::isEventName)
                          .collect(Collectors.toSet());
        }
        assertThat(cased).containsExactlyInAnyOrderElementsOf(events);
    }

    /**
     * An event is a record about an issue or a subscription that is neither a command (which targets its aggregate) nor a query
     * ({@code Find…}, {@code List…}, {@code Count…}) nor a query's answer; named in the past tense (DESIGN.md §5),
     * though not always ending in -ed.
     */
    private static boolean isEventName(String name) {
        try {
            Class<?> type = Class.forName(EventContractTest.class.getPackageName() + "." + name);
            return type.isRecord() && !name.startsWith("Find") && !name.startsWith("List") && !name.startsWith("Count")
                    && !QUERY_ANSWERS.contains(type)
                    && Stream.of(type.getDeclaredFields()).noneMatch(f -> f.isAnnotationPresent(TargetAggregateIdentifier.class))
                    && Stream.of(type.getDeclaredFields()).anyMatch(f -> (f.getName().equals("issueId") || f.getName().equals("subscriptionId")
                                    || f.getName().equals("proposalId"))
                            && !f.isAnnotationPresent(TargetAggregateIdentifier.class));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
