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
        assertThat(text).startsWith("\uFEFF団体ID,会員番号,団体名,団体名（よみ）,会員区分,状態,申請日時,最終更新日時\r\n");
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
    }

    private static List<CSVRecord> parse(String text) throws IOException {
        assertThat(text).startsWith("\uFEFF");
        return WITH_HEADER.parse(new StringReader(text.substring(1))).getRecords();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
