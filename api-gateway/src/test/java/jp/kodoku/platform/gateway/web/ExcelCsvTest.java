package jp.kodoku.platform.gateway.web;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of a cell that the API tests cannot reach (no name field takes a line break). */
class ExcelCsvTest {

    @Test
    void a_cell_excel_would_read_as_a_formula_gets_an_apostrophe_and_nothing_else_does() {
        for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1")) {
            assertThat(ExcelCsv.neutralized(formula)).isEqualTo("'" + formula);
        }
        for (String plain : List.of("", "1", "ＮＰＯ法人=さくら", "'quoted", " =1")) {
            assertThat(ExcelCsv.neutralized(plain)).isEqualTo(plain);
        }
    }

    @Test
    void a_line_break_a_comma_and_a_quote_stay_in_their_cell() throws Exception {
        byte[] file = new ExcelCsv("名前", "メモ").row("一行目\n二行目", "a,\"b\"").row(null, 3)
                                               .download("名簿.csv", "list.csv", "no-store").getBody();
        String text = new String(file, StandardCharsets.UTF_8);

        // Commons CSV quotes an empty first cell, so a row of one empty cell is never an empty line
        assertThat(text).isEqualTo("\uFEFF名前,メモ\r\n\"一行目\n二行目\",\"a,\"\"b\"\"\"\r\n\"\",3\r\n");
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
        assertThat(rows.get(1).values()).containsExactly("一行目\n二行目", "a,\"b\"");
        assertThat(rows.get(2).values()).containsExactly("", "3");
    }
}
