package jp.kodoku.platform.gateway.membership;

import jp.kodoku.platform.gateway.web.CsvUpload;
import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.InvalidInput;
import jp.kodoku.platform.infra.text.JapaneseText;
import jp.kodoku.platform.membership.api.BodyType;
import jp.kodoku.platform.membership.api.ConsultationCapability;
import jp.kodoku.platform.membership.api.ContactDetails;
import jp.kodoku.platform.membership.api.ContactView;
import jp.kodoku.platform.membership.api.FieldOfActivity;
import jp.kodoku.platform.membership.api.LegalForm;
import jp.kodoku.platform.membership.api.MemberCategory;
import jp.kodoku.platform.membership.api.OrganizationDetails;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.membership.api.OrganizationProfile;
import jp.kodoku.platform.membership.api.OrganizationStatus;
import jp.kodoku.platform.membership.api.Prefecture;
import jp.kodoku.platform.membership.api.TargetGroup;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The import file's columns and how a row becomes an organization: the Japanese header of the CSV the secretariat
 * keeps (the export's 団体名, 団体名（よみ）, 会員区分 and 状態, plus what an application asks), the values as people
 * type them in Excel (labels such as 特定非営利活動法人 or the API's codes, dates as 2024/4/1 or 2024-04-01, lists
 * separated by 、 or ;), and each problem as a row, a column, a code and a message in Japanese and English.
 */
final class OrganizationImportRows {

    /** A column of the import file: its header, the field of the command it fills, and whether the header must be there. */
    enum Column {
        NAME("団体名", "profile.name", true),
        NAME_KANA("団体名（よみ）", "profile.nameKana", true),
        LEGAL_FORM("法人格", "profile.legalForm", true),
        CORPORATE_NUMBER("法人番号", "profile.corporateNumber", false),
        BODY_TYPE("団体種別", "profile.bodyType", true),
        AREA("活動地域", "profile.prefectureCodes", true),
        FIELDS("活動分野", "profile.fieldsOfActivity", true),
        TARGET_GROUPS("対象", "profile.targetGroups", false),
        CONSULTATION("相談対応", "profile.consultationCapabilities", false),
        WEBSITE("ウェブサイト", "profile.website", false),
        DESCRIPTION("団体紹介", "profile.publicDescription", false),
        CONSENT("ディレクトリ掲載", "profile.consentToPublish", false),
        CATEGORY("会員区分", "category", true),
        JOINED_ON("入会日", "joinedOn", true),
        BYLAWS("会則版", "bylawsVersion", false),
        CONTACT_NAME("担当者氏名", "primaryContact.name", true),
        CONTACT_EMAIL("担当者メールアドレス", "primaryContact.email", true),
        CONTACT_PHONE("担当者電話番号", "primaryContact.phone", false),
        CONTACT_DEPARTMENT("担当者部署", "primaryContact.department", false),
        STATUS("状態", "status", false);

        final String header;
        final String field;
        final boolean required;

        Column(String header, String field, boolean required) {
            this.header = header;
            this.field = field;
            this.required = required;
        }
    }

    /** Columns of the export that describe the platform the file came from, not the organization: read past. */
    static final Set<String> IGNORED = Set.of("団体ID", "会員番号", "申請日時", "最終更新日時");
    /** The export's label of an active member: the only state an import brings in. */
    static final String ACTIVE = "在籍";

    private static final Map<String, Column> BY_FIELD = Arrays.stream(Column.values())
            .collect(Collectors.toMap(c -> c.field, Function.identity()));
    private static final Map<String, Column> BY_HEADER = Arrays.stream(Column.values())
            .collect(Collectors.toMap(c -> c.header, Function.identity()));
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[、,，;；\\n]+");
    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/年](\\d{1,2})[-/月](\\d{1,2})日?");

    /** The columns the export's own (団体ID, 会員番号, 団体名, …, 状態, …) do not already hold, in this file's order. */
    static List<Column> exportedAfterTheListColumns(boolean withPrimaryContact) {
        return Arrays.stream(Column.values())
                     .filter(c -> c != Column.NAME && c != Column.NAME_KANA && c != Column.CATEGORY && c != Column.STATUS)
                     .filter(c -> withPrimaryContact || !c.field.startsWith("primaryContact."))
                     .toList();
    }

    /**
     * An organization's cells in the words {@link #read} reads back (labels, 全国, はい/いいえ, ISO dates, lists
     * separated by 、), so that an export is a file this import takes: a list moved from one platform to another, or
     * edited in Excel and brought back.
     */
    static String cell(Column column, OrganizationDetails organization, ContactView primaryContact) {
        OrganizationProfile p = organization.profile();
        return switch (column) {
            case NAME -> p.name();
            case NAME_KANA -> p.nameKana();
            case LEGAL_FORM -> p.legalForm() == null ? null : p.legalForm().label();
            case CORPORATE_NUMBER -> p.corporateNumber();
            case BODY_TYPE -> p.bodyType() == null ? null : p.bodyType().label();
            case AREA -> p.nationwide() ? "全国" : p.prefectureCodes().stream()
                    .map(code -> Prefecture.ofCode(code).map(Prefecture::label).orElse(code))
                    .collect(Collectors.joining("、"));
            case FIELDS -> labels(p.fieldsOfActivity(), FieldOfActivity::label);
            case TARGET_GROUPS -> labels(p.targetGroups(), TargetGroup::label);
            case CONSULTATION -> labels(p.consultationCapabilities(), ConsultationCapability::label);
            case WEBSITE -> p.website();
            case DESCRIPTION -> p.publicDescription();
            case CONSENT -> p.consentToPublish() ? "はい" : "いいえ";
            case CATEGORY -> organization.category() == null ? null : organization.category().label();
            case JOINED_ON -> organization.joinedOn() == null ? null : organization.joinedOn().toString();
            case BYLAWS -> organization.bylawsVersion();
            case CONTACT_NAME -> primaryContact == null ? null : primaryContact.name();
            case CONTACT_EMAIL -> primaryContact == null ? null : primaryContact.email();
            case CONTACT_PHONE -> primaryContact == null ? null : primaryContact.phone();
            case CONTACT_DEPARTMENT -> primaryContact == null ? null : primaryContact.department();
            case STATUS -> organization.status() == OrganizationStatus.ACTIVE ? ACTIVE : null;
        };
    }

    private static <E> String labels(Set<E> values, Function<E, String> label) {
        return values.stream().map(label).collect(Collectors.joining("、"));
    }

    /** One problem of one row: spreadsheet row number, column header, the command's field, a code, two messages. */
    record Problem(long row, String column, String field, String code, String message, String messageJa) {
    }

    /** A row read into what the commands need; fields the row got wrong are null, with a problem for each. */
    record Candidate(long row, OrganizationId id, OrganizationProfile profile, MemberCategory category,
                     ContactDetails contact, LocalDate joinedOn, String bylawsVersion, List<Problem> problems) {
    }

    private final Map<Column, Integer> positions;

    private OrganizationImportRows(Map<Column, Integer> positions) {
        this.positions = positions;
    }

    /** The header checked: every column known (or one of the export's own), the required ones there. */
    static OrganizationImportRows of(List<String> header) {
        Map<Column, Integer> positions = new LinkedHashMap<>();
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            Column column = BY_HEADER.get(header.get(i));
            if (column != null) {
                positions.put(column, i);
            } else if (!IGNORED.contains(header.get(i))) {
                violations.add(new FieldViolation(header.get(i), "is not a column of the import; known: "
                        + String.join(", ", BY_HEADER.keySet().stream().sorted().toList())));
            }
        }
        for (Column column : Column.values()) {
            if (column.required && !positions.containsKey(column)) {
                violations.add(new FieldViolation(column.header, "is a column the import needs, missing from the header"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        return new OrganizationImportRows(positions);
    }

    Candidate read(CsvUpload.Row row) {
        Reader r = new Reader(row);
        String status = r.text(Column.STATUS);
        if (status != null && !status.equals(ACTIVE)) {
            r.problem(Column.STATUS, "not-active", "is '" + status + "': only active members (" + ACTIVE + ") are imported",
                    "「" + status + "」の団体は取り込みません（取り込むのは「" + ACTIVE + "」の団体だけです）");
        }
        String area = r.text(Column.AREA);
        boolean nationwide = area != null && area.equals("全国");
        Set<String> prefectures = nationwide ? Set.of() : r.set(Column.AREA, OrganizationImportRows::prefecture);
        OrganizationProfile profile = new OrganizationProfile(r.text(Column.NAME), r.text(Column.NAME_KANA),
                r.one(Column.LEGAL_FORM, LegalForm.class, LegalForm::label), r.text(Column.CORPORATE_NUMBER),
                r.one(Column.BODY_TYPE, BodyType.class, BodyType::label), nationwide, prefectures,
                r.enums(Column.FIELDS, FieldOfActivity.class, FieldOfActivity::label),
                r.enums(Column.TARGET_GROUPS, TargetGroup.class, TargetGroup::label),
                r.enums(Column.CONSULTATION, ConsultationCapability.class, ConsultationCapability::label),
                r.text(Column.WEBSITE), r.text(Column.DESCRIPTION), r.yesNo(Column.CONSENT));
        ContactDetails contact = new ContactDetails(r.text(Column.CONTACT_NAME), r.text(Column.CONTACT_EMAIL),
                r.text(Column.CONTACT_PHONE), r.text(Column.CONTACT_DEPARTMENT));
        return new Candidate(row.number(), idOf(profile), profile,
                r.one(Column.CATEGORY, MemberCategory.class, MemberCategory::label), contact, r.date(Column.JOINED_ON),
                r.text(Column.BYLAWS), r.problems);
    }

    /**
     * The same organization gets the same id in every import: from its corporate number, or from its name as the
     * registry compares names. Importing a file twice therefore finds its organizations already there.
     */
    static OrganizationId idOf(OrganizationProfile profile) {
        String key = keyOf(profile.corporateNumber(), profile.name());
        return key == null ? null : new OrganizationId(UUID.nameUUIDFromBytes(("organization-import:" + key)
                .getBytes(StandardCharsets.UTF_8)).toString());
    }

    private static String keyOf(String corporateNumber, String name) {
        if (corporateNumber != null && !corporateNumber.isBlank()) {
            return "corporate-number:" + corporateNumber.strip();
        }
        return name == null || name.isBlank() ? null : "name:" + JapaneseText.nameKey(name.strip());
    }

    /** The column of a field the rules named ({@code profile.name} → 団体名), or null when no column holds it. */
    static String columnOf(String field) {
        Column column = BY_FIELD.get(field);
        if (column == null && "profile.nationwide".equals(field)) {
            column = Column.AREA;
        }
        return column == null ? null : column.header;
    }

    /** A rule's verdict on a field as a problem of the row, with the Japanese message for the common rules. */
    static Problem problem(long row, FieldViolation violation) {
        String column = columnOf(violation.field());
        String label = column == null ? violation.field() : column;
        String message = violation.message();
        boolean required = message.startsWith("is required");
        return new Problem(row, column, violation.field(), required ? "required" : "invalid", message,
                "「" + label + "」" + (required ? "は必須です。" : japanese(message)));
    }

    private static final Map<Pattern, Function<Matcher, String>> JAPANESE = new LinkedHashMap<>();

    static {
        JAPANESE.put(Pattern.compile("must be at most (\\d+) characters"), m -> "は" + m.group(1) + "文字以内にしてください。");
        JAPANESE.put(Pattern.compile("must be written in katakana.*"), m -> "はカタカナで書いてください。");
        JAPANESE.put(Pattern.compile("must be a 13-digit corporate number.*"),
                m -> "は13桁の法人番号（先頭がチェックデジット）にしてください。");
        JAPANESE.put(Pattern.compile("must be an e-mail address.*"), m -> "はメールアドレスとして正しくありません（@の前は半角英数字と記号）。");
        JAPANESE.put(Pattern.compile("must be an http or https address"), m -> "は http または https のアドレスにしてください。");
        JAPANESE.put(Pattern.compile("must be a phone number.*"), m -> "は電話番号（半角数字・+・-・括弧、6〜20文字）にしてください。");
        JAPANESE.put(Pattern.compile("must not contain < or >"), m -> "に < や > は使えません。");
        JAPANESE.put(Pattern.compile("name at least one prefecture.*"), m -> "に都道府県を1つ以上、または「全国」と書いてください。");
        JAPANESE.put(Pattern.compile("name at least one field of activity"), m -> "に活動分野を1つ以上書いてください。");
        JAPANESE.put(Pattern.compile("must be between (\\S+) .* and (\\S+) .*"),
                m -> "は" + m.group(1) + "から" + m.group(2) + "までの日付にしてください。");
    }

    private static String japanese(String message) {
        for (Map.Entry<Pattern, Function<Matcher, String>> rule : JAPANESE.entrySet()) {
            Matcher m = rule.getKey().matcher(message);
            if (m.matches()) {
                return rule.getValue().apply(m);
            }
        }
        return "の値が正しくありません（" + message + "）。";
    }

    private static String prefecture(String value) {
        if (Prefecture.isValidCode(value)) {
            return value;
        }
        if (value.matches("\\d")) {
            return Prefecture.isValidCode("0" + value) ? "0" + value : null;
        }
        for (Prefecture p : Prefecture.values()) {
            String label = p.label();
            String bare = label.equals("北海道") ? label : label.substring(0, label.length() - 1);
            if (value.equals(label) || value.equals(bare)) {
                return p.code();
            }
        }
        return null;
    }

    /** One row's cells, read column by column; each problem is kept and the field left empty. */
    private final class Reader {
        private final CsvUpload.Row row;
        private final List<Problem> problems = new ArrayList<>();

        Reader(CsvUpload.Row row) {
            this.row = row;
        }

        /**
         * The cell's text, or null when blank. Excel keeps a formula's result, never its text, in a CSV: a cell that
         * would start a formula was written by hand or by a program, and could run when the sheet is opened again, so
         * it is refused. A leading apostrophe (how the export neutralizes such a cell, and how Excel users type one
         * as text) is taken off.
         */
        String text(Column column) {
            Integer at = positions.get(column);
            if (at == null || at >= row.cells().size() || row.cells().get(at).isEmpty()) {
                return null;
            }
            String cell = row.cells().get(at);
            if (isFormula(cell)) {
                problem(column, "formula", "starts like a spreadsheet formula (=, +, -, @); write it with a leading ' if it is text",
                        "が数式のように始まっています（=、+、-、@）。文字として入れるときは先頭に ' を付けてください。");
                return null;
            }
            if (cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@".indexOf(cell.charAt(1)) >= 0) {
                return cell.substring(1);
            }
            return cell;
        }

        <E extends Enum<E>> E one(Column column, Class<E> type, Function<E, String> label) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            E found = match(value, type, label);
            if (found == null) {
                unknown(column, value, type, label);
            }
            return found;
        }

        <E extends Enum<E>> Set<E> enums(Column column, Class<E> type, Function<E, String> label) {
            Set<E> found = EnumSet.noneOf(type);
            for (String part : parts(column)) {
                E value = match(part, type, label);
                if (value == null) {
                    unknown(column, part, type, label);
                } else {
                    found.add(value);
                }
            }
            return found;
        }

        Set<String> set(Column column, Function<String, String> parse) {
            Set<String> found = new TreeSet<>();
            for (String part : parts(column)) {
                String value = parse.apply(part);
                if (value == null) {
                    problem(column, "unknown-value", "'" + part + "' is not a prefecture (a name such as 東京都, its "
                                    + "code 01–47, or 全国 alone)",
                            "の「" + part + "」は都道府県名（東京都など）、都道府県コード（01〜47）、または「全国」にしてください。");
                } else {
                    found.add(value);
                }
            }
            return found;
        }

        boolean yesNo(Column column) {
            String value = text(column);
            if (value == null) {
                return false; // published only with the organization's consent, never by default
            }
            String v = Normalizer.normalize(value, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
            if (Set.of("はい", "する", "可", "同意", "○", "◯", "true", "yes", "1").contains(v)) {
                return true;
            }
            if (!Set.of("いいえ", "しない", "不可", "×", "false", "no", "0").contains(v)) {
                problem(column, "unknown-value", "'" + value + "' is neither はい nor いいえ",
                        "の「" + value + "」は「はい」か「いいえ」にしてください。");
            }
            return false;
        }

        LocalDate date(Column column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            Matcher m = DATE.matcher(Normalizer.normalize(value, Normalizer.Form.NFKC));
            if (m.matches()) {
                try {
                    return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)));
                } catch (DateTimeException e) {
                    // not a day of the calendar: reported below
                }
            }
            problem(column, "invalid", "'" + value + "' is not a date such as 2024-04-01 or 2024/4/1",
                    "の「" + value + "」は日付（2024-04-01 や 2024/4/1）にしてください。");
            return null;
        }

        private List<String> parts(Column column) {
            String value = text(column);
            if (value == null) {
                return List.of();
            }
            Set<String> parts = new LinkedHashSet<>();
            for (String part : LIST_SEPARATOR.split(value)) {
                if (!part.isBlank()) {
                    parts.add(part.strip());
                }
            }
            return List.copyOf(parts);
        }

        private <E extends Enum<E>> void unknown(Column column, String value, Class<E> type, Function<E, String> label) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(label).collect(Collectors.joining("、"));
            problem(column, "unknown-value", "'" + value + "' is not one of: " + allowed,
                    "の「" + value + "」は次のどれかにしてください: " + allowed);
        }

        void problem(Column column, String code, String message, String japaneseTail) {
            problems.add(new Problem(row.number(), column.header, column.field, code, message,
                    "「" + column.header + "」" + japaneseTail));
        }
    }

    /** A label as shown on forms (either width, as NFKC makes them alike) or the API's code. */
    private static <E extends Enum<E>> E match(String value, Class<E> type, Function<E, String> label) {
        String wanted = Normalizer.normalize(value, Normalizer.Form.NFKC);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(wanted)
                    || Normalizer.normalize(label.apply(constant), Normalizer.Form.NFKC).equals(wanted)) {
                return constant;
            }
        }
        return null;
    }

    private static boolean isFormula(String cell) {
        char first = cell.charAt(0);
        if (first == '=' || first == '@') {
            return true;
        }
        // +81 3-1234-5678 and -5 are numbers to Excel; +A1 or -cmd|… are formulas
        return (first == '+' || first == '-') && cell.length() > 1 && !cell.substring(1).matches("[0-9 ()+\\-]*");
    }

    /** Keys two rows of one file must not share: the corporate number and the name as the registry compares it. */
    static Map<String, String> duplicateKeys(OrganizationProfile profile) {
        Map<String, String> keys = new LinkedHashMap<>();
        if (profile.corporateNumber() != null && !profile.corporateNumber().isBlank()) {
            keys.put("corporate-number:" + profile.corporateNumber().strip(), "profile.corporateNumber");
        }
        if (profile.name() != null && !profile.name().isBlank()) {
            keys.put("name:" + JapaneseText.nameKey(profile.name().strip()), "profile.name");
        }
        return keys;
    }
}
