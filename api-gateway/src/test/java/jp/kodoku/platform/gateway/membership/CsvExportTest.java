package jp.kodoku.platform.gateway.membership;

import com.fasterxml.jackson.databind.JsonNode;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.TestTokens;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The secretariat's CSV downloads open in Excel in Japan as they are meant to, and say what the API says. */
class CsvExportTest extends ApiTest {

    private static final CSVFormat WITH_HEADER = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    @Test
    void the_list_of_organizations_is_excel_ready_csv_filtered_as_the_secretariats_list() throws IOException {
        Members members = new Members(api);
        String tag = Samples.uniqueKana();
        String awkwardName = "ＮＰＯ法人\"はな\",東京" + tag;
        String awkward = members.activeMember(Samples.application(awkwardName, "エヌピーオーホウジンハナトウキョウ" + tag));
        String formula = members.activeMember(Samples.application("=HYPERLINK(\"http://evil.example\")" + tag,
                "イコールハイパーリンク" + tag));
        String applying = members.apply(Samples.application("申請中の会" + tag, "シンセイチュウノカイ" + tag)).id();
        awaitProjections();

        Api.Response response = api.get("/api/v1/organizations.csv?status=ACTIVE&q=" + encode(tag))
                                   .token(TestTokens.secretariat()).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("text/csv;charset=UTF-8");
        String disposition = response.header("Content-Disposition");
        assertThat(disposition).startsWith("attachment; filename=\"organizations-").contains("filename*=UTF-8''");
        assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("''") + 2), StandardCharsets.UTF_8))
                .matches("団体一覧_\\d{4}-\\d{2}-\\d{2}\\.csv");
        String text = response.text();
        assertThat(text).startsWith("\uFEFF団体ID,会員番号,団体名,団体名（よみ）,会員区分,状態,申請日時,最終更新日時,法人格,法人番号,");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n", "\r");
        assertThat(text).contains(",\"ＮＰＯ法人\"\"はな\"\",東京" + tag + "\",");

        List<CSVRecord> rows = parse(text);
        assertThat(rows).extracting(r -> r.get("団体ID")).containsExactlyInAnyOrder(awkward, formula)
                        .doesNotContain(applying);
        CSVRecord awkwardRow = rows.stream().filter(r -> r.get("団体ID").equals(awkward)).findFirst().orElseThrow();
        assertThat(awkwardRow.get("団体名")).isEqualTo(awkwardName);
        assertThat(awkwardRow.get("団体名（よみ）")).isEqualTo("エヌピーオーホウジンハナトウキョウ" + tag);
        assertThat(awkwardRow.get("状態")).isEqualTo("在籍");
        assertThat(awkwardRow.get("会員区分")).isEqualTo("会員");
        assertThat(awkwardRow.get("会員番号")).matches("\\d+");
        assertThat(awkwardRow.get("申請日時")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        CSVRecord formulaRow = rows.stream().filter(r -> r.get("団体ID").equals(formula)).findFirst().orElseThrow();
        assertThat(formulaRow.get("団体名")).isEqualTo("'=HYPERLINK(\"http://evil.example\")" + tag);
    }

    @Test
    void a_list_exported_with_its_primary_contacts_is_a_file_the_import_reads_without_a_problem() {
        String tag = Samples.uniqueKana();
        String id = new Members(api).activeMember(Samples.application("書き出して取り込む会" + tag, "カキダシテトリコムカイ" + tag));
        awaitProjections();
        Api.Response export = api.get("/api/v1/organizations.csv?status=ACTIVE&primaryContact=true&q=" + encode(tag))
                                 .token(TestTokens.secretariat()).send();
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.text()).contains("担当者メールアドレス");

        Api.Response dryRun = api.post("/api/v1/organization-imports/dry-run").token(TestTokens.secretariat())
                                 .bytes(export.text().getBytes(StandardCharsets.UTF_8), "text/csv").send();

        assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
        JsonNode report = dryRun.json();
        assertThat(report.get("problems")).as(report.toString()).isEmpty();
        assertThat(report.get("organizations")).isEmpty();
        assertThat(report.get("skipped")).singleElement().satisfies(skipped -> {
            assertThat(skipped.get("code").asText()).isEqualTo("already-registered");
            assertThat(skipped.get("existingOrganizationId").asText()).isEqualTo(id);
        });
    }

    @Test
    void without_asking_the_list_carries_no_contact_persons_data() throws IOException {
        String tag = Samples.uniqueKana();
        new Members(api).activeMember(Samples.application("連絡先なしの会" + tag, "レンラクサキナシノカイ" + tag));
        awaitProjections();

        Api.Response export = api.get("/api/v1/organizations.csv?status=ACTIVE&q=" + encode(tag))
                                 .token(TestTokens.secretariat()).send();

        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        CSVRecord row = parse(export.text()).get(0);
        assertThat(row.toMap()).containsKeys("法人格", "活動地域", "活動分野", "入会日")
                               .doesNotContainKeys("担当者氏名", "担当者メールアドレス", "担当者電話番号", "担当者部署");
        assertThat(row.get("入会日")).matches("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void every_page_of_the_list_is_in_the_file() throws IOException {
        Members members = new Members(api);
        String tag = Samples.uniqueKana();
        int count = 105; // more than the largest page the list serves (100)
        for (int i = 0; i < count; i++) {
            members.apply(Samples.application("書き出しの会" + tag + i, "カキダシノカイ" + tag));
        }
        awaitProjections();

        Api.Response response = api.get("/api/v1/organizations.csv?status=APPLIED&q=" + encode(tag))
                                   .token(TestTokens.secretariat()).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<CSVRecord> rows = parse(response.text());
        assertThat(rows).hasSize(count);
        assertThat(rows).extracting(r -> r.get("団体ID")).doesNotHaveDuplicates();
        assertThat(rows).extracting(r -> r.get("状態")).containsOnly("申請中");
    }

    @Test
    void the_statistics_csv_has_the_figures_of_the_statistics() throws IOException {
        new Members(api).activeMember(Samples.application());
        awaitProjections();
        JsonNode figures = api.get("/api/v1/statistics/members?asOf=2024-04-01").send().json();

        Api.Response response = api.get("/api/v1/statistics/members.csv?asOf=2024-04-01").send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Disposition"))
                .startsWith("attachment; filename=\"members-2024-04-01.csv\"; filename*=UTF-8''");
        assertThat(response.text()).startsWith("\uFEFF基準日,会員区分,会員数\r\n");
        List<CSVRecord> rows = parse(response.text());
        assertThat(rows).extracting(r -> r.get("会員区分")).containsExactly("会員", "協力会員", "賛助会員", "合計");
        assertThat(rows).extracting(r -> r.get("基準日")).containsOnly("2024-04-01");
        Map<String, String> byLabel = Map.of("会員", "REGULAR", "協力会員", "COOPERATING", "賛助会員", "SUPPORTING");
        for (CSVRecord row : rows.subList(0, 3)) {
            assertThat(Integer.parseInt(row.get("会員数"))).as(row.get("会員区分"))
                    .isEqualTo(figures.path("byCategory").path(byLabel.get(row.get("会員区分"))).asInt(0));
        }
        assertThat(Integer.parseInt(rows.get(3).get("会員数"))).isEqualTo(figures.get("total").asInt()).isPositive();
    }

    @Test
    void the_list_is_the_secretariats_only_and_refuses_what_the_list_refuses() {
        assertThat(api.get("/api/v1/organizations.csv").send().status()).isEqualTo(401);
        Api.Response unknown = api.get("/api/v1/organizations.csv?limit=10").token(TestTokens.secretariat()).send();
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknown.json().path("errors").findValuesAsText("field")).contains("limit");
        Api.Response badStatus = api.get("/api/v1/organizations.csv?status=BOGUS").token(TestTokens.secretariat()).send();
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.header("Content-Type")).startsWith("application/problem+json");
        Api.Response badSwitch = api.get("/api/v1/organizations.csv?primaryContact=maybe").token(TestTokens.secretariat()).send();
        assertThat(badSwitch.status()).isEqualTo(400);
        assertThat(badSwitch.text()).contains("primaryContact");
    }

    private static List<CSVRecord> parse(String text) throws IOException {
        assertThat(text).startsWith("\uFEFF");
        return WITH_HEADER.parse(new StringReader(text.substring(1))).getRecords();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
