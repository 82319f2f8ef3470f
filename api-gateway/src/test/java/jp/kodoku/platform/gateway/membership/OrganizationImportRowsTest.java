package jp.kodoku.platform.gateway.membership;

import jp.kodoku.platform.gateway.web.CsvUpload;
import jp.kodoku.platform.gateway.web.ExcelCsv;
import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.InvalidInput;
import jp.kodoku.platform.membership.api.BodyType;
import jp.kodoku.platform.membership.api.ConsultationCapability;
import jp.kodoku.platform.membership.api.ContactView;
import jp.kodoku.platform.membership.api.FieldOfActivity;
import jp.kodoku.platform.membership.api.LegalForm;
import jp.kodoku.platform.membership.api.MemberCategory;
import jp.kodoku.platform.membership.api.OrganizationDetails;
import jp.kodoku.platform.membership.api.OrganizationProfile;
import jp.kodoku.platform.membership.api.OrganizationStatus;
import jp.kodoku.platform.membership.api.TargetGroup;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a row of the import file is read: values as people type them in Excel, problems by row and column. */
class OrganizationImportRowsTest {

    private static final List<String> HEADER = List.of("団体名", "団体名（よみ）", "法人格", "法人番号", "団体種別", "活動地域",
            "活動分野", "会員区分", "入会日", "担当者氏名", "担当者メールアドレス", "担当者電話番号");
    private static final OrganizationImportRows COLUMNS = OrganizationImportRows.of(HEADER);

    private static OrganizationImportRows.Candidate read(String... cells) {
        return COLUMNS.read(new CsvUpload.Row(2, Arrays.asList(cells)));
    }

    private static String[] valid() {
        return new String[]{"こども食堂さくら", "コドモショクドウサクラ", "特定非営利活動法人", "", "NPO等支援団体", "東京都、神奈川",
                "居場所；こども食堂・フードバンク", "協力会員", "2024/4/1", "山田 花子", "hanako@sakura.example.jp", "+81 3-1234-5678"};
    }

    @Test
    void labels_codes_dates_and_lists_are_read_as_people_type_them() {
        String[] cells = valid();
        cells[2] = "npo_corporation";
        cells[8] = "２０２４年４月１日";

        OrganizationImportRows.Candidate row = read(cells);

        assertThat(row.problems()).isEmpty();
        assertThat(row.profile().legalForm()).isEqualTo(LegalForm.NPO_CORPORATION);
        assertThat(row.profile().prefectureCodes()).containsExactly("13", "14");
        assertThat(row.profile().fieldsOfActivity()).containsExactly(FieldOfActivity.PLACE_TO_BELONG, FieldOfActivity.FOOD_SUPPORT);
        assertThat(row.category()).isEqualTo(MemberCategory.COOPERATING);
        assertThat(row.joinedOn()).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(row.contact().phone()).as("a phone number is not a formula").isEqualTo("+81 3-1234-5678");
        assertThat(row.profile().consentToPublish()).as("no consent column: not published").isFalse();
    }

    @Test
    void an_organization_written_as_the_export_writes_it_is_read_back_as_it_was() throws Exception {
        OrganizationProfile profile = new OrganizationProfile("こども食堂さくら", "コドモショクドウサクラ",
                LegalForm.NPO_CORPORATION, "7000012050002", BodyType.NPO_SUPPORT, false, Set.of("13", "14", "47"),
                EnumSet.of(FieldOfActivity.PLACE_TO_BELONG, FieldOfActivity.FOOD_SUPPORT),
                EnumSet.of(TargetGroup.CHILDREN_AND_YOUTH, TargetGroup.SINGLE_PARENTS),
                EnumSet.allOf(ConsultationCapability.class), "https://sakura.example.jp",
                "=毎週土曜に開いています。\n「はな」と“さくら”、二つの拠点", true);
        ContactView contact = new ContactView("c1", "山田 花子", "hanako@sakura.example.jp", "+81 3-1234-5678", "事務局",
                true, false);
        OrganizationDetails organization = new OrganizationDetails("o1", 3, OrganizationStatus.ACTIVE, 12,
                MemberCategory.SUPPORTING, profile, false, null, null, LocalDate.of(2023, 5, 1), null, "2022-04",
                null, Instant.now(), Instant.now(), List.of(contact));
        List<OrganizationImportRows.Column> columns = List.of(OrganizationImportRows.Column.values());
        byte[] written = new ExcelCsv(columns.stream().map(c -> c.header).toArray(String[]::new))
                .row(columns.stream().map(c -> OrganizationImportRows.cell(c, organization, contact)).toArray())
                .download("団体一覧.csv", "organizations.csv", "no-store").getBody();
        MockHttpServletRequest upload = new MockHttpServletRequest("POST", "/api/v1/organization-imports/dry-run");
        upload.setContentType("text/csv");
        upload.setContent(written);
        CsvUpload.Table file = CsvUpload.read(upload);

        OrganizationImportRows.Candidate row = OrganizationImportRows.of(file.header()).read(file.rows().get(0));

        assertThat(row.problems()).isEmpty();
        assertThat(row.profile()).isEqualTo(profile);
        assertThat(row.category()).isEqualTo(MemberCategory.SUPPORTING);
        assertThat(row.joinedOn()).isEqualTo(LocalDate.of(2023, 5, 1));
        assertThat(row.bylawsVersion()).isEqualTo("2022-04");
        assertThat(row.contact()).extracting("name", "email", "phone", "department")
                                 .containsExactly("山田 花子", "hanako@sakura.example.jp", "+81 3-1234-5678", "事務局");
    }

    @Test
    void nationwide_is_written_as_zenkoku() {
        String[] cells = valid();
        cells[5] = "全国";

        OrganizationImportRows.Candidate row = read(cells);

        assertThat(row.profile().nationwide()).isTrue();
        assertThat(row.profile().prefectureCodes()).isEmpty();
    }

    @Test
    void an_unknown_value_and_an_impossible_date_are_problems_of_their_column() {
        String[] cells = valid();
        cells[5] = "東京都、火星";
        cells[8] = "2024/2/30";

        OrganizationImportRows.Candidate row = read(cells);

        assertThat(row.problems()).extracting(p -> p.row() + " " + p.column() + " " + p.code())
                                  .containsExactly("2 活動地域 unknown-value", "2 入会日 invalid");
        assertThat(row.problems().get(0).messageJa()).contains("火星");
        assertThat(row.joinedOn()).isNull();
    }

    @Test
    void the_same_organization_gets_the_same_id_in_every_file() {
        String[] withNumber = valid();
        withNumber[3] = "7000012050002";
        String[] renamed = withNumber.clone();
        renamed[0] = "こども食堂さくら（旧称）";
        String[] otherWidth = valid();
        otherWidth[0] = "コドモ食堂ｻｸﾗ";

        assertThat(read(withNumber).id()).as("by corporate number, whatever the name").isEqualTo(read(renamed).id());
        assertThat(read(valid()).id()).as("by the name as the registry compares names").isEqualTo(read(otherWidth).id());
        assertThat(read(valid()).id()).isNotEqualTo(read(withNumber).id());
    }

    @Test
    void a_rule_violation_names_the_column_with_a_japanese_message() {
        OrganizationImportRows.Problem problem = OrganizationImportRows.problem(5,
                new FieldViolation("profile.nameKana", "must be written in katakana (フリガナ)"));

        assertThat(problem.column()).isEqualTo("団体名（よみ）");
        assertThat(problem.code()).isEqualTo("invalid");
        assertThat(problem.messageJa()).isEqualTo("「団体名（よみ）」はカタカナで書いてください。");
        assertThat(OrganizationImportRows.problem(5, new FieldViolation("joinedOn", "is required")).messageJa())
                .isEqualTo("「入会日」は必須です。");
    }

    @Test
    void a_header_without_a_required_column_names_it() {
        assertThatThrownBy(() -> OrganizationImportRows.of(List.of("団体名", "団体名（よみ）")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).contains("法人格", "会員区分", "入会日", "担当者メールアドレス"));
    }
}
