package jp.kodoku.platform.newsletter.issue;

import jp.kodoku.platform.infra.testsupport.InvalidInputs;
import jp.kodoku.platform.newsletter.api.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The given/when/then world of an {@link Issue}: the fixture with {@link IssueCommandHandler}, numbers as the table
 * gives them (two issues sent before) and a clock at 2026-05-11 10:00 Japan time; the issue planned for 2026-05-18
 * 09:00 and the histories that bring it into each state.
 */
final class IssueScenario {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    static final IssueId ISSUE = new IssueId("9b1c2d3e-4f50-4a61-8b72-c3d4e5f60718");
    static final Instant NOW = LocalDateTime.of(2026, 5, 11, 10, 0).atZone(JAPAN).toInstant();
    static final Instant MAY_18 = LocalDateTime.of(2026, 5, 18, 9, 0).atZone(JAPAN).toInstant();
    static final String SUBJECT = "孤独・孤立対策官民連携プラットフォーム メールマガジン 5月18日号";
    static final ItemId SAKURA_ITEM = new ItemId("item-sakura");
    static final ItemId GRANT_ITEM = new ItemId("item-grant");
    static final ItemContent SAKURA = new ItemContent("こども食堂の新しい拠点が開所しました",
            "さくらでは、4月から**毎週土曜日**に開所します。", "https://sakura.example.jp/news", false);
    static final ItemContent GRANT = new ItemContent("居場所づくり助成の募集（締切6月30日）",
            "助成額は1団体あたり最大100万円です。", "https://grant.example.jp/2026", false);

    static IssueDrafted drafted() {
        return new IssueDrafted(ISSUE, SUBJECT, MAY_18, Section.DEFAULTS);
    }

    static IssueItemAdded sakuraAdded() {
        return new IssueItemAdded(ISSUE, SAKURA_ITEM, "member-activities", SAKURA);
    }

    static IssueItemAdded grantAdded() {
        return new IssueItemAdded(ISSUE, GRANT_ITEM, "support", GRANT);
    }

    static IssueScheduled scheduled() {
        return new IssueScheduled(ISSUE, MAY_18);
    }

    static IssueSendingStarted sendingStarted(int number) {
        return new IssueSendingStarted(ISSUE, number, MAY_18);
    }

    // ---- the fixture --------------------------------------------------------------------------------------------

    final InMemoryIssueNumbers numbers = new InMemoryIssueNumbers(2);
    final FixtureConfiguration<Issue> fixture = new AggregateTestFixture<>(Issue.class);

    IssueScenario() {
        this(NOW);
    }

    IssueScenario(Instant now) {
        fixture.registerAnnotatedCommandHandler(new IssueCommandHandler(fixture.getRepository(), numbers,
                Clock.fixed(now, ZoneOffset.UTC)));
    }

    TestExecutor<Issue> givenNothing() {
        return fixture.givenNoPriorActivity();
    }

    /** The draft with the item of さくら under 会員の活動紹介, then these events. */
    TestExecutor<Issue> givenDraft(Object... laterEvents) {
        List<Object> events = new ArrayList<>(List.of(drafted(), sakuraAdded()));
        events.addAll(Arrays.asList(laterEvents));
        return fixture.given(events);
    }

    TestExecutor<Issue> given(Object... events) {
        return fixture.given(Arrays.asList(events));
    }

    /** Numbers as JdbcIssueNumbers gives them: the held one, else the next after the highest. */
    static final class InMemoryIssueNumbers implements IssueNumbers {

        private final Map<IssueId, Integer> held = new LinkedHashMap<>();

        InMemoryIssueNumbers(int alreadyGiven) {
            for (int i = 1; i <= alreadyGiven; i++) {
                held.put(new IssueId("earlier-issue-" + i), i);
            }
        }

        @Override
        public synchronized int assign(IssueId issue) {
            return held.computeIfAbsent(issue, s -> held.size() + 1);
        }

        synchronized int given() {
            return held.size();
        }
    }

    // ---- matchers -----------------------------------------------------------------------------------------------

    /** Invalid input that names this field (among others). */
    static Matcher<Throwable> invalidInput(String field) {
        return InvalidInputs.naming(field);
    }

    /** A rule violation whose message says this. */
    static Matcher<Throwable> ruleViolation(String saying) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return actual instanceof NewsletterRuleViolation violation && violation.getMessage().contains(saying);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rule violation saying \"" + saying + "\"");
            }
        };
    }
}
