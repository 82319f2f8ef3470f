package jp.kodoku.platform.demo;

import jp.kodoku.platform.demo.DemoOrganizations.PlannedOrganization;
import jp.kodoku.platform.newsletter.api.Audience;
import jp.kodoku.platform.newsletter.api.ImportSentIssue;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static jp.kodoku.platform.demo.DemoNewsletterYear.JAPAN;
import static org.assertj.core.api.Assertions.assertThat;

/** The demo's year of weekly issues, as the plan that the demo imports. */
class DemoNewsletterYearTest {

    private final List<PlannedOrganization> plan = DemoOrganizations.plan();
    private final List<ImportSentIssue> issues = DemoNewsletterYear.issues(plan);

    @Test
    void a_weekly_issue_every_monday_from_the_last_week_of_march_2022_for_a_year() {
        List<LocalDateTime> weekly = issues.stream()
                                           .filter(i -> i.segment().audience() == Audience.ALL)
                                           .map(i -> LocalDateTime.ofInstant(i.sentAt(), JAPAN)).toList();

        assertThat(weekly).hasSize(54).allMatch(at -> at.getDayOfWeek() == DayOfWeek.MONDAY && at.getHour() == 10);
        assertThat(weekly.get(0).toLocalDate()).isEqualTo(LocalDate.of(2022, 3, 28));
        assertThat(weekly.get(53).toLocalDate()).isEqualTo(LocalDate.of(2023, 4, 3));
        assertThat(issues.get(0).subject()).endsWith("メールマガジン 創刊号");
    }

    @Test
    void the_issues_come_in_the_order_they_went_out_so_that_they_are_numbered_in_it() {
        assertThat(issues).extracting(ImportSentIssue::sentAt).isSorted().doesNotHaveDuplicates();
        assertThat(issues).extracting(ImportSentIssue::issueId).doesNotHaveDuplicates();
    }

    @Test
    void the_year_spans_the_fiscal_years_reiwa_3_4_and_5() {
        var byFiscalYear = issues.stream().collect(Collectors.groupingBy(
                i -> { LocalDate day = LocalDate.ofInstant(i.sentAt(), JAPAN);
                       return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1; },
                Collectors.counting()));

        assertThat(byFiscalYear).containsOnlyKeys(2021, 2022, 2023);
        assertThat(byFiscalYear.get(2022)).isGreaterThanOrEqualTo(52);
    }

    @Test
    void every_weekly_issue_presents_a_member_and_support_information_and_every_other_week_a_visit() {
        List<ImportSentIssue> weekly = issues.stream().filter(i -> i.segment().audience() == Audience.ALL).toList();

        assertThat(weekly).allMatch(i -> sections(i).containsAll(Set.of("member-activities", "support")));
        assertThat(weekly.stream().filter(i -> sections(i).contains("visits"))).hasSize(27);
    }

    @Test
    void the_secretariat_visits_demo_members_by_name_and_never_one_presented_in_the_same_issue() {
        Set<String> members = plan.stream().map(o -> o.profile().name()).collect(Collectors.toSet());
        for (ImportSentIssue issue : issues) {
            List<String> visited = titles(issue, "visits").stream()
                    .map(t -> t.replace("事務局訪問記：", "").replace("を訪ねて", "")).toList();
            assertThat(members).containsAll(visited);
            assertThat(titles(issue, "member-activities")).noneMatch(t -> visited.stream().anyMatch(t::startsWith));
        }
        assertThat(issues.get(0).items()).extracting(i -> i.content().title())
                .contains("事務局訪問記：全国社会福祉協議会を訪ねて", "あなたのいばしょの活動から");
    }

    @Test
    void the_monthly_member_count_of_december_2022_is_the_published_figure_of_371() {
        assertThat(issues.stream().flatMap(i -> titles(i, "notices").stream()))
                .contains("12月1日現在の会員数は371団体です");
    }

    @Test
    void subcommittee_meetings_and_the_symposiums_are_announced_in_the_issues_before_them() {
        List<String> events = issues.stream().flatMap(i -> titles(i, "events").stream()).toList();

        assertThat(events).contains("孤独・孤立の実態把握に関する全国調査の結果に見る課題の背景と取組（6月21日）",
                "分科会1 第1回会合（6月28日 14時から）", "分科会3 第3回会合（2月28日 14時から）");
    }

    @Test
    void one_issue_goes_to_members_only_and_one_item_of_a_public_issue_is_for_members_only() {
        assertThat(issues).filteredOn(i -> i.segment().audience() == Audience.MEMBERS)
                          .extracting(ImportSentIssue::subject).containsExactly(DemoNewsletterYear.ASSEMBLY_SUBJECT);
        assertThat(issues.stream().flatMap(i -> i.items().stream()).filter(i -> i.content().membersOnly()))
                .extracting(i -> i.content().title()).containsExactly(DemoNewsletterYear.MEMBERS_ONLY_TITLE);
    }

    private static Set<String> sections(ImportSentIssue issue) {
        return issue.items().stream().map(ImportSentIssue.Item::sectionKey).collect(Collectors.toSet());
    }

    private static List<String> titles(ImportSentIssue issue, String section) {
        return issue.items().stream().filter(i -> i.sectionKey().equals(section)).map(i -> i.content().title()).toList();
    }
}
