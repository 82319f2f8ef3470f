package jp.kodoku.platform.gateway.membership;

import com.fasterxml.jackson.databind.JsonNode;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.ImportFiles;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static jp.kodoku.platform.gateway.support.ImportFiles.HEADER;
import static jp.kodoku.platform.gateway.support.ImportFiles.excelUtf8;
import static jp.kodoku.platform.gateway.support.ImportFiles.newCorporateNumber;
import static jp.kodoku.platform.gateway.support.ImportFiles.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The secretariat moves a member list in from a CSV file as Excel in Japan saves it: a dry run that changes nothing,
 * then an import through ordinary commands that is all or nothing and creates nothing twice.
 */
class OrganizationImportTest extends ApiTest {

    private static final String DRY_RUN = "/api/v1/organization-imports/dry-run";
    private static final String IMPORT = "/api/v1/organization-imports";

    private Api.Response post(String path, byte[] file) {
        return api.post(path).token(TestTokens.secretariat()).bytes(file, "text/csv").send();
    }

    private List<String> ids(JsonNode report) {
        List<String> ids = new ArrayList<>();
        report.path("organizations").forEach(o -> ids.add(o.get("organizationId").asText()));
        return ids;
    }

    @Test
    void a_dry_run_reports_what_would_be_created_and_changes_nothing() {
        String tag = Samples.uniqueKana();
        byte[] file = excelUtf8(row("こども食堂ネットワーク" + tag, "コドモショクドウネットワーク" + tag),
                row("居場所づくりの会" + tag, "イバショヅクリノカイ" + tag));
        long events = eventCount();

        Api.Response response = post(DRY_RUN, file);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("dryRun").asBoolean()).isTrue();
        assertThat(report.get("encoding").asText()).isEqualTo("UTF-8");
        assertThat(report.get("rows").asInt()).isEqualTo(2);
        assertThat(report.get("problems")).isEmpty();
        assertThat(report.get("organizations")).extracting(o -> o.get("row").asInt()).containsExactly(2, 3);
        assertThat(report.get("organizations").get(0).get("name").asText()).isEqualTo("こども食堂ネットワーク" + tag);
        assertThat(report.get("organizations").get(0).get("category").asText()).isEqualTo("COOPERATING");
        assertThat(eventCount()).as("events stored").isEqualTo(events);
        for (String id : ids(report)) {
            assertThat(api.get("/api/v1/organizations/" + id).token(TestTokens.secretariat()).send().status()).isEqualTo(404);
        }
    }

    @Test
    void an_import_makes_approved_members_with_the_files_category_and_date_and_their_history_says_imported() {
        String tag = Samples.uniqueKana();
        byte[] file = excelUtf8(row("見守り協議会" + tag, "ミマモリキョウギカイ" + tag));

        Api.Response response = post(IMPORT, file);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("dryRun").asBoolean()).isFalse();
        String id = ids(report).get(0);
        awaitProjections();
        JsonNode organization = api.get("/api/v1/organizations/" + id).token(TestTokens.secretariat()).send().json();
        assertThat(organization.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(organization.get("category").asText()).isEqualTo("COOPERATING");
        assertThat(organization.get("joinedOn").asText()).isEqualTo("2024-04-01");
        assertThat(organization.get("memberNumber").isInt()).isTrue();
        assertThat(organization.at("/profile/prefectureCodes")).extracting(JsonNode::asText).containsExactly("13", "14");
        assertThat(organization.at("/contacts/0/name").asText()).isEqualTo("取込 花子");
        JsonNode history = api.get("/api/v1/organizations/" + id + "/history").token(TestTokens.secretariat()).send().json();
        assertThat(history).anySatisfy(change -> {
            assertThat(change.get("field").asText()).isEqualTo("imported");
            assertThat(change.get("after").asText()).contains("row 2", report.get("fileSha256").asText());
            assertThat(change.get("changedBy").asText()).isNotBlank();
        });
        // the contact person is personal data: sealed in the events like every other contact
        String email = organization.at("/contacts/0/email").asText();
        Long plain = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND convert_from(payload, 'UTF8') LIKE ?", Long.class, id, "%" + email + "%");
        assertThat(plain).isZero();
        // as with every approval, the primary contact is invited as the organization's member admin
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/v1/organizations/" + id + "/admins")
                .token(TestTokens.secretariat()).send().json().findValuesAsText("email").contains(email));
    }

    @Test
    void the_same_file_imported_again_creates_nothing() {
        String tag = Samples.uniqueKana();
        byte[] file = excelUtf8(row("フードバンク" + tag, "フードバンク" + tag), row("ユースサポートセンター" + tag,
                "ユースサポートセンター" + tag, ""));
        Api.Response first = post(IMPORT, file);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        long events = eventCount();

        Api.Response again = post(IMPORT, file);

        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("organizations")).isEmpty();
        assertThat(again.json().get("skipped")).extracting(s -> s.get("code").asText())
                                               .containsExactly("already-imported", "already-imported");
        assertThat(again.json().get("skipped")).extracting(s -> s.get("existingOrganizationId").asText())
                                               .containsExactlyElementsOf(ids(first.json()));
        assertThat(eventCount()).as("events stored").isEqualTo(events);
    }

    @Test
    void a_duplicate_by_corporate_number_is_found_among_the_members_and_within_the_file() {
        Map<String, Object> application = Samples.application();
        String member = new Members(api).activeMember(application);
        String membersNumber = (String) Samples.profileOf(application).get("corporateNumber");
        String tag = Samples.uniqueKana();
        String shared = newCorporateNumber();
        byte[] file = excelUtf8(row("別名の法人" + tag, "ベツメイノホウジン" + tag, membersNumber),
                row("地域福祉ネットワーク" + tag, "チイキフクシネットワーク" + tag, shared),
                row("地域福祉ネット" + tag, "チイキフクシネット" + tag, shared));

        JsonNode report = post(DRY_RUN, file).json();

        assertThat(report.get("skipped")).hasSize(1);
        JsonNode skipped = report.get("skipped").get(0);
        assertThat(skipped.get("row").asInt()).isEqualTo(2);
        assertThat(skipped.get("code").asText()).isEqualTo("already-registered");
        assertThat(skipped.get("column").asText()).isEqualTo("法人番号");
        assertThat(skipped.get("existingOrganizationId").asText()).isEqualTo(member);
        assertThat(report.get("problems")).hasSize(1);
        JsonNode duplicate = report.get("problems").get(0);
        assertThat(duplicate.get("row").asInt()).isEqualTo(4);
        assertThat(duplicate.get("column").asText()).isEqualTo("法人番号");
        assertThat(duplicate.get("code").asText()).isEqualTo("duplicate-in-file");
        assertThat(duplicate.get("message").asText()).contains("row 3");
        assertThat(duplicate.get("messageJa").asText()).contains("3行目");
    }

    @Test
    void a_duplicate_by_name_is_found_in_other_widths_and_kana_among_the_members_and_within_the_file() {
        String memberTag = Samples.uniqueKana();
        String member = new Members(api).activeMember(Samples.application("ひだまりネットワーク" + memberTag,
                "ヒダマリネットワーク" + memberTag));
        String tag = Samples.uniqueKana();
        byte[] file = excelUtf8(
                // the member's name in katakana, half-width: the same name to the registry
                row(halfWidth("ヒダマリネットワーク" + memberTag), "ヒダマリネットワーク" + memberTag, ""),
                row("こどもの居場所" + tag, "コドモノイバショ" + tag, ""),
                row("コドモノ居場所 " + halfWidth(tag), "コドモノイバショ" + tag, ""));

        JsonNode report = post(DRY_RUN, file).json();

        assertThat(report.get("skipped")).hasSize(1);
        assertThat(report.at("/skipped/0/row").asInt()).isEqualTo(2);
        assertThat(report.at("/skipped/0/column").asText()).isEqualTo("団体名");
        assertThat(report.at("/skipped/0/existingOrganizationId").asText()).isEqualTo(member);
        assertThat(report.get("problems")).hasSize(1);
        assertThat(report.at("/problems/0/row").asInt()).isEqualTo(4);
        assertThat(report.at("/problems/0/column").asText()).isEqualTo("団体名");
        assertThat(report.at("/problems/0/code").asText()).isEqualTo("duplicate-in-file");
    }

    @Test
    void a_bad_row_is_reported_with_its_row_column_code_and_messages_in_japanese_and_english() {
        String tag = Samples.uniqueKana();
        String badNumber = row("相談支援センター" + tag, "ソウダンシエンセンター" + tag, "1234567890123")
                .replaceFirst("import\\d+@", "花子@");
        String badCategory = row("ひきこもり家族会" + tag, "ヒキコモリカゾクカイ" + tag).replace(",協力会員,", ",特別会員,");
        byte[] file = excelUtf8(row("居場所の会" + tag, "イバショノカイ" + tag), badNumber, badCategory);
        long events = eventCount();

        Api.Response response = post(DRY_RUN, file);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode problems = response.json().get("problems");
        assertThat(problems).extracting(p -> p.get("row").asInt() + " " + p.get("column").asText() + " " + p.get("code").asText())
                            .containsExactlyInAnyOrder("3 法人番号 invalid", "3 担当者メールアドレス invalid",
                                    "4 会員区分 unknown-value");
        assertThat(problems).allSatisfy(p -> {
            assertThat(p.get("messageJa").asText()).startsWith("「" + p.get("column").asText() + "」");
            assertThat(p.get("message").asText()).isNotBlank();
        });
        assertThat(problems).anySatisfy(p -> assertThat(p.get("messageJa").asText()).contains("会員、協力会員、賛助会員"));
        assertThat(response.json().get("organizations")).extracting(o -> o.get("row").asInt()).containsExactly(2);
        assertThat(eventCount()).isEqualTo(events);
    }

    /**
     * All or nothing: a half-moved member list is a state nobody meant, and the dry run has already shown every
     * problem to fix in the sheet.
     */
    @Test
    void a_partially_valid_file_is_refused_whole_and_nothing_is_created() {
        String tag = Samples.uniqueKana();
        String valid = row("居場所の会" + tag, "イバショノカイ" + tag);
        String invalid = row("相談の会" + tag, "ソウダンノカイ" + tag, "1234567890123");
        byte[] file = excelUtf8(valid, invalid);
        String wouldBe = ids(post(DRY_RUN, file).json()).get(0);
        long events = eventCount();

        Api.Response response = post(IMPORT, file);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).endsWith("/import-refused");
        assertThat(response.json().get("errors")).extracting(e -> e.get("field").asText()).containsExactly("row 3: 法人番号");
        assertThat(response.json().at("/problems/0/messageJa").asText()).startsWith("「法人番号」");
        assertThat(response.json().at("/report/organizations")).isEmpty();
        assertThat(eventCount()).as("events stored").isEqualTo(events);
        awaitProjections();
        assertThat(api.get("/api/v1/organizations/" + wouldBe).token(TestTokens.secretariat()).send().status()).isEqualTo(404);
    }

    @Test
    void a_file_saved_by_excel_as_plain_csv_in_shift_jis_is_read() {
        String tag = Samples.uniqueKana();
        // 髙 and ① are in CP932 (Windows' Shift_JIS) only, not in JIS X 0208: Excel writes them all the same
        String name = "髙橋こども食堂①" + tag;
        byte[] file = (HEADER + "\r\n" + row(name, "タカハシコドモショクドウ" + tag) + "\r\n").getBytes(Charset.forName("windows-31j"));

        Api.Response response = post(DRY_RUN, file);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("encoding").asText()).isEqualTo("windows-31j");
        assertThat(response.json().at("/organizations/0/name").asText()).isEqualTo(name);
    }

    @Test
    void a_cell_that_would_run_as_a_formula_is_refused_and_the_exports_apostrophe_is_taken_off() {
        String tag = Samples.uniqueKana();
        byte[] file = excelUtf8(row("'=わくわく広場" + tag, "ワクワクヒロバ" + tag),
                row("\"=HYPERLINK(\"\"http://evil.example\"\",\"\"押してください\"\")\"", "アクイ" + tag));

        JsonNode report = post(DRY_RUN, file).json();

        assertThat(report.at("/organizations/0/name").asText()).isEqualTo("=わくわく広場" + tag);
        assertThat(report.get("problems")).extracting(p -> p.get("row").asInt() + " " + p.get("column").asText()
                + " " + p.get("code").asText()).containsExactly("3 団体名 formula");
    }

    @Test
    void a_header_the_import_does_not_know_or_lacks_is_refused_naming_the_column() {
        byte[] unknown = ("団体名,団体名（よみ）,法人格,団体種別,活動地域,活動分野,会員区分,入会日,担当者氏名,担当者メールアドレス,会費\r\n")
                .getBytes(StandardCharsets.UTF_8);
        Api.Response response = post(DRY_RUN, unknown);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors")).extracting(e -> e.get("field").asText()).containsExactly("会費");
        Api.Response missing = post(DRY_RUN, "団体名,団体名（よみ）\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(missing.json().get("errors")).extracting(e -> e.get("field").asText()).contains("法人格", "入会日");
    }

    @Test
    void the_export_columns_that_describe_another_platform_are_read_past_and_only_active_members_are_imported() {
        String tag = Samples.uniqueKana();
        String header = "団体ID,会員番号,状態," + HEADER;
        byte[] file = ("\uFEFF" + header + "\r\n"
                + "x-1,12,在籍," + row("在籍の会" + tag, "ザイセキノカイ" + tag) + "\r\n"
                + "x-2,13,退会," + row("退会の会" + tag, "タイカイノカイ" + tag) + "\r\n").getBytes(StandardCharsets.UTF_8);

        JsonNode report = post(DRY_RUN, file).json();

        assertThat(report.get("organizations")).extracting(o -> o.get("row").asInt()).containsExactly(2);
        assertThat(report.get("problems")).extracting(p -> p.get("row").asInt() + " " + p.get("code").asText())
                                          .containsExactly("3 not-active");
    }

    private static String halfWidth(String katakana) {
        StringBuilder out = new StringBuilder();
        String full = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンー";
        String half = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｰ";
        for (char c : katakana.toCharArray()) {
            int at = full.indexOf(c);
            out.append(at >= 0 ? half.charAt(at) : c);
        }
        return out.toString();
    }
}
