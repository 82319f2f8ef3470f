package jp.kodoku.platform.demo;

import jp.kodoku.platform.demo.DemoOrganizations.PlannedOrganization;
import jp.kodoku.platform.demo.DemoSubcommittees.PastMeeting;
import jp.kodoku.platform.demo.DemoSubcommittees.PlannedDeliverable;
import jp.kodoku.platform.events.api.EventDetails;
import jp.kodoku.platform.membership.api.BodyType;
import jp.kodoku.platform.membership.api.FieldOfActivity;
import jp.kodoku.platform.membership.api.MemberCategory;
import jp.kodoku.platform.membership.api.OrganizationProfile;
import jp.kodoku.platform.membership.api.Prefecture;
import jp.kodoku.platform.membership.api.TargetGroup;
import jp.kodoku.platform.newsletter.api.Audience;
import jp.kodoku.platform.newsletter.api.ImportSentIssue;
import jp.kodoku.platform.newsletter.api.ImportSentIssue.Item;
import jp.kodoku.platform.newsletter.api.IssueId;
import jp.kodoku.platform.newsletter.api.ItemContent;
import jp.kodoku.platform.newsletter.api.ItemId;
import jp.kodoku.platform.newsletter.api.Segment;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The year of weekly issues the demo's newsletter starts with (DOMAIN.md: weekly since late March 2022): every Monday
 * from 2022-03-28 to 2023-04-03 at 10:00, and one issue to members only before the general assembly, as a pure plan
 * (no Spring, no Axon) that {@link DemoNewsletter} imports as issues sent before the platform kept the newsletter.
 *
 * <p>Each week's items are made from the demo's own data, not written out 54 times: the member counts of
 * {@link DemoOrganizations} on the first of the month, a member organization of the plan presented each week and one
 * visited by the secretariat every other week (its profile's description, fields and target groups), the events of
 * seed 004 and the subcommittee meetings of {@link DemoSubcommittees} in the two weeks ahead, their deliverables once
 * published, and a small table of support information taken in turn.
 */
final class DemoNewsletterYear {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    static final LocalDate FIRST_ISSUE = LocalDate.of(2022, 3, 28);
    static final LocalDate LAST_ISSUE = LocalDate.of(2023, 4, 3);
    private static final LocalTime SENT_AT = LocalTime.of(10, 0);
    static final String MASTHEAD = "孤独・孤立対策官民連携プラットフォーム メールマガジン";
    static final LocalDate ASSEMBLY_NOTICE = LocalDate.of(2022, 6, 2);
    static final String ASSEMBLY_SUBJECT = "孤独・孤立対策官民連携プラットフォーム 会員向けメールマガジン 総会のご案内";
    static final String MEMBERS_ONLY_TITLE = "【会員限定】幹事会の開催結果";

    /** Support information (支援情報), one a week in turn. */
    private static final List<ItemContent> SUPPORT = List.of(
            content("生活に困ったときは自立相談支援機関へ",
                    "生活困窮者自立支援制度にもとづき、福祉事務所を設置する自治体に自立相談支援機関が置かれています。"
                            + "住まい、仕事、家計など、生活の困りごとを一緒に整理し、必要な支援につなぎます。"),
            content("住まいを失うおそれがあるときの住居確保給付金",
                    "離職などにより住まいを失った方、失うおそれのある方に、家賃相当額を支給する制度があります。"
                            + "お住まいの自治体の自立相談支援機関にご相談ください。"),
            content("ひきこもりの相談はひきこもり地域支援センターへ",
                    "都道府県と政令指定都市に、ひきこもりに特化した相談窓口が置かれています。ご本人だけでなく、ご家族からの相談も受け付けています。"),
            content("配偶者からの暴力（DV）の相談窓口",
                    "全国共通の番号「#8008」（DV相談ナビ）から、お近くの配偶者暴力相談支援センターにつながります。"),
            content("こども食堂・フードバンクへの食品の寄付",
                    "会員団体の中には、企業や個人からの食品の寄付を受け付けている団体があります。会員ページの名簿から、"
                            + "分野「こども食堂・フードバンク」で探すことができます。"),
            content("ひとり親家庭の相談窓口",
                    "各自治体の母子・父子自立支援員が、子育てや生活、仕事の相談に応じています。"
                            + "夜間や休日に相談できる窓口を設けている自治体もあります。"),
            content("悩みを抱えたときの電話・SNS相談",
                    "電話やSNSで相談できる窓口を会員団体が運営しています。年齢や性別を問わず、匿名で相談できる窓口もあります。"),
            content("孤独・孤立対策に取り組む団体への助成",
                    "民間の助成団体が、居場所づくりや相談支援に取り組む団体への助成を募集しています。"
                            + "募集中の助成は、賛助会員の助成団体のウェブサイトでご確認ください。"));

    private static final ItemContent YEAR_END = content("年末年始に相談できる窓口",
            "年末年始も24時間、電話やチャットで相談できる窓口があります。会員団体の窓口の年末年始の受付時間を、会員ページにまとめました。");

    /** What the secretariat took home from a visit, one in turn. */
    private static final List<String> IMPRESSIONS = List.of(
            "相談の現場で大切にしていることとして、「まず話を最後まで聴くこと」を挙げておられたのが印象的でした。",
            "地域の社会福祉協議会や自治体の窓口との連携の工夫を、具体的な例を交えて伺いました。",
            "ボランティアの皆さんが長く続けられるよう、研修と振り返りの場を大切にしているとのことでした。",
            "支援につながりにくい人に届くよう、SNSや学校を通じた広報に力を入れているとのことでした。",
            "活動を支える人材と資金の確保が課題で、他の会員団体との協働に期待しているとのお話でした。",
            "利用する方の声をもとに、開所日や時間帯を見直してきた経緯を伺いました。");

    private DemoNewsletterYear() {
    }

    /** The issues in the order they went out, so that each takes its number (第N号) in that order. */
    static List<ImportSentIssue> issues(List<PlannedOrganization> plan) {
        List<PlannedOrganization> presented = presentable(plan);
        List<ImportSentIssue> issues = new ArrayList<>();
        int week = 0;
        for (LocalDate day = FIRST_ISSUE; !day.isAfter(LAST_ISSUE); day = day.plusWeeks(1), week++) {
            if (ASSEMBLY_NOTICE.isAfter(day.minusWeeks(1)) && ASSEMBLY_NOTICE.isBefore(day)) {
                issues.add(assemblyNotice());
            }
            issues.add(weekly(day, week, plan, presented));
        }
        return issues;
    }

    static IssueId issueId(String subject) {
        return DemoNewsletter.issueId(subject);
    }

    static String subject(LocalDate day) {
        return MASTHEAD + (day.equals(FIRST_ISSUE) ? " 創刊号" : "（" + day.getYear() + "年" + day.getMonthValue() + "月"
                + day.getDayOfMonth() + "日号）");
    }

    private static ImportSentIssue weekly(LocalDate day, int week, List<PlannedOrganization> plan,
                                          List<PlannedOrganization> presented) {
        List<Planned> items = new ArrayList<>();
        if (week == 0) {
            items.add(new Planned("notices", content("メールマガジンを創刊しました",
                    "官民連携プラットフォームの会員と関係者の皆さまに、**会員の活動**や**支援情報**、催しのお知らせを週1回お届けします。")));
        }
        if (day.getDayOfMonth() <= 7) {
            items.add(new Planned("notices", memberCounts(plan, day.withDayOfMonth(1))));
        }
        for (PlannedDeliverable deliverable : DemoSubcommittees.deliverables()) {
            if (withinWeekBefore(deliverable.date(), day)) {
                items.add(new Planned("notices", content("分科会" + deliverable.subcommittee() + "の"
                        + deliverable.kind().japanese() + "を公開しました", deliverable.summary()
                        + "\n\n全文は分科会のページからご覧いただけます。")));
            }
        }
        if (day.equals(LocalDate.of(2022, 7, 4))) {
            items.add(new Planned("notices", new ItemContent(MEMBERS_ONLY_TITLE,
                    "幹事会で今年度の事業計画と分科会の体制について意見を交わしました。議事要旨は会員ページに掲載しています。", null, true)));
        }
        int presentedThisWeek = week * 7 % presented.size();
        items.add(new Planned("member-activities", activity(presented.get(presentedThisWeek))));
        items.add(new Planned("support", day.getMonthValue() == 12 && day.getDayOfMonth() >= 19 ? YEAR_END
                : SUPPORT.get(week % SUPPORT.size())));
        events(day).forEach(event -> items.add(new Planned("events", event)));
        if (week % 2 == 0) {
            // the secretariat's visits go round the members in another order than the weekly presentations
            int visitedThisWeek = (week / 2 * 5 + 2) % presented.size();
            if (visitedThisWeek == presentedThisWeek) {
                visitedThisWeek = (visitedThisWeek + 1) % presented.size();
            }
            PlannedOrganization visited = presented.get(visitedThisWeek);
            items.add(new Planned("visits", visit(visited, IMPRESSIONS.get(week / 2 % IMPRESSIONS.size()))));
        }
        return imported(subject(day), Segment.EVERYONE, day, items);
    }

    private static ImportSentIssue assemblyNotice() {
        return imported(ASSEMBLY_SUBJECT, new Segment(Audience.MEMBERS, Set.of(), Set.of(), Set.of(), Set.of()),
                ASSEMBLY_NOTICE, List.of(new Planned("notices", content("定時総会のご案内",
                        "定時総会を開きます。事業報告と事業計画を審議します。議決権の行使について、会員ページからご確認ください。"))));
    }

    private static ImportSentIssue imported(String subject, Segment segment, LocalDate day, List<Planned> items) {
        IssueId id = issueId(subject);
        return new ImportSentIssue(id, subject, segment, day.atTime(SENT_AT).atZone(JAPAN).toInstant(),
                items.stream().map(p -> new Item(new ItemId(uuid("demo-item:" + id.value() + ":" + p.content().title())),
                        p.section(), p.content())).toList());
    }

    private static ItemContent memberCounts(List<PlannedOrganization> plan, LocalDate first) {
        Map<MemberCategory, Integer> counts = DemoOrganizations.countsAsOf(plan, first);
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        return content(first.getMonthValue() + "月1日現在の会員数は" + total + "団体です",
                first.getYear() + "年" + first.getMonthValue() + "月1日現在の会員数は" + total + "団体です（"
                        + counts.entrySet().stream().map(e -> e.getKey().label() + " " + e.getValue())
                                .collect(Collectors.joining("、")) + "）。新しく加わった団体は会員名簿でご覧いただけます。");
    }

    /** The events of seed 004 and the subcommittee meetings of the two weeks after the issue. */
    private static List<ItemContent> events(LocalDate day) {
        List<ItemContent> events = new ArrayList<>();
        for (EventDetails event : DemoEvents.seed004()) {
            LocalDate on = event.schedule().startDate();
            if (on.isAfter(day) && !on.isAfter(day.plusWeeks(2))) {
                events.add(content(event.title() + "（" + monthDay(on) + "）", monthDay(on) + "に"
                        + event.venue().name() + "で開きます。詳しくはイベントのページをご覧ください。"));
            }
        }
        if (day.getMonthValue() == 4 && day.getDayOfMonth() >= 18 || day.getMonthValue() == 5 && day.getDayOfMonth() <= 7) {
            events.add(content("5月は「孤独・孤立対策強化月間」です",
                    "強化月間には会員団体が全国で催しを開きます。イベントカレンダーで、お近くの催しを探してみてください。"));
        }
        for (PastMeeting meeting : DemoSubcommittees.pastMeetings()) {
            if (meeting.date().isAfter(day) && !meeting.date().isAfter(day.plusWeeks(2))) {
                String theme = DemoSubcommittees.plan().get(meeting.subcommittee() - 1).title();
                events.add(content("分科会" + meeting.subcommittee() + " 第" + meeting.number() + "回会合（"
                                + monthDay(meeting.date()) + " 14時から）",
                        "テーマ「" + theme + "」について、担当幹事団体と参加団体が議論します。傍聴を希望する会員は、分科会のページからお申し込みください。"));
            }
        }
        return events;
    }

    private static ItemContent activity(PlannedOrganization organization) {
        OrganizationProfile profile = organization.profile();
        return new ItemContent(profile.name() + "の活動から",
                profile.name() + "は、" + coverage(profile) + "で" + fields(profile) + "に取り組んでいます。"
                        + description(profile) + "\n\n- 主な対象：" + targets(profile), profile.website(), false);
    }

    private static ItemContent visit(PlannedOrganization organization, String impression) {
        OrganizationProfile profile = organization.profile();
        return content("事務局訪問記：" + profile.name() + "を訪ねて",
                "事務局が" + profile.name() + "を訪ね、" + targets(profile) + "への支援についてお話を伺いました。"
                        + description(profile) + impression);
    }

    /** Member organizations that do the work the newsletter presents: NPOs, intermediaries and national bodies. */
    private static List<PlannedOrganization> presentable(List<PlannedOrganization> plan) {
        Set<BodyType> kinds = Set.of(BodyType.NPO_SUPPORT, BodyType.INTERMEDIARY_SUPPORT,
                BodyType.NATIONAL_FIELD_ORGANIZATION, BodyType.SOCIAL_WELFARE_COUNCIL);
        return plan.stream()
                   .filter(o -> o.categoryOn(FIRST_ISSUE) == MemberCategory.REGULAR
                           && o.categoryOn(LAST_ISSUE) == MemberCategory.REGULAR)
                   .filter(o -> kinds.contains(o.profile().bodyType()))
                   .sorted(Comparator.comparingInt(PlannedOrganization::number))
                   .toList();
    }

    private static String coverage(OrganizationProfile profile) {
        if (profile.nationwide()) {
            return "全国";
        }
        return profile.prefectureCodes().stream().sorted().map(code -> Prefecture.ofCode(code).map(Prefecture::label)
                .orElse(code)).collect(Collectors.joining("・"));
    }

    private static String fields(OrganizationProfile profile) {
        String fields = profile.fieldsOfActivity().stream().filter(f -> f != FieldOfActivity.OTHER).sorted()
                               .map(f -> "「" + f.label() + "」").collect(Collectors.joining(""));
        return (fields.isEmpty() ? "孤独・孤立対策" : fields) + "の活動";
    }

    private static String targets(OrganizationProfile profile) {
        return profile.targetGroups().isEmpty() ? "地域の皆さん"
                : profile.targetGroups().stream().sorted().map(TargetGroup::label).collect(Collectors.joining("、"));
    }

    private static String description(OrganizationProfile profile) {
        return profile.publicDescription() == null || profile.publicDescription().isBlank() ? ""
                : profile.publicDescription();
    }

    private static String monthDay(LocalDate date) {
        return date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private static boolean withinWeekBefore(LocalDate date, LocalDate issue) {
        return !date.isBefore(issue.minusWeeks(1)) && date.isBefore(issue);
    }

    private static ItemContent content(String title, String body) {
        return new ItemContent(title, body, null, false);
    }

    private record Planned(String section, ItemContent content) {
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
