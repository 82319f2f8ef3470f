package jp.kodoku.platform.gateway.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The domain's rule and field messages in Japanese, for the pages and for API clients that ask for Japanese. The
 * modules state their rules in English (the API's contract, stable for programs); this is the one place that says
 * them in Japanese, so a page never shows English and a new rule needs one line here (JapaneseMessagesTest reads the
 * modules' sources and fails for a message that has none). A field's message names the field as the forms label it:
 * 「団体名」は100文字以内にしてください。
 */
public final class JapaneseMessages {

    /** Said of a rule or a field this class has no Japanese for yet: better vague than English on a Japanese page. */
    public static final String UNKNOWN_RULE = "現在の状態では、この操作はできません。";

    private static final Map<String, String> LABELS = new LinkedHashMap<>();
    private static final Map<Pattern, Function<Matcher, String>> FIELD = new LinkedHashMap<>();
    private static final Map<Pattern, Function<Matcher, String>> RULES = new LinkedHashMap<>();
    private static final Map<String, String> STATES = Map.of(
            "APPLIED", "審査中", "RETURNED_FOR_CHANGES", "差戻し中", "REJECTED", "却下", "ACTIVE", "会員",
            "SUSPENDED", "資格停止中", "WITHDRAWN", "退会済み");

    static {
        // the fields as the forms and the API documentation name them
        label("name", "名前");
        label("profile.name", "団体名");
        label("nameKana", "フリガナ");
        label("legalForm", "法人格");
        label("corporateNumber", "法人番号");
        label("bodyType", "団体の種類");
        label("prefectureCodes", "活動地域（都道府県）");
        label("nationwide", "全国");
        label("fieldsOfActivity", "活動分野");
        label("targetGroups", "対象者");
        label("consultationCapabilities", "相談対応");
        label("website", "ウェブサイト");
        label("publicDescription", "団体の紹介");
        label("consentToPublish", "公開への同意");
        label("profile", "団体情報");
        label("contact", "担当者");
        label("primaryContact", "主担当者");
        label("email", "メールアドレス");
        label("phone", "電話番号");
        label("department", "部署");
        label("requestedCategory", "希望する会員区分");
        label("category", "会員区分");
        label("bylawsVersion", "会則の版");
        label("joinedOn", "入会日");
        label("reason", "理由");
        label("comment", "差戻しの理由");
        label("effectiveDate", "効力の発生日");
        label("termStart", "任期の開始日");
        label("termEnd", "任期の終了日");
        label("endedOn", "任期の終了日");
        label("kind", "退会の種類");
        label("cursor", "ページの位置");
        label("limit", "件数");
        label("q", "検索語");
        label("organizationId", "団体");
        label("scopes", "権限（スコープ）");
        label("allowedOrigins", "許可するオリジン");
        label("ratePerMinute", "1分あたりの上限回数");
        label("body", "送信内容");
        label("If-Match", "If-Match ヘッダー");
        // subcommittees: agenda, attendance, minutes (issue 11)
        label("title", "タイトル");
        label("text", "本文");
        label("file", "ファイル");
        label("people", "人数");
        label("presenterOrganizationId", "発表団体");
        label("audience", "公開先");
        label("Idempotency-Key", "Idempotency-Key ヘッダー");

        field("is required and cannot be removed", m -> "は必須です。削除できません。");
        field("is required for (.+)", m -> "は" + m.group(1) + "では必須です。");
        field("is required.*", m -> "は必須です。");
        field("must be at most (\\d+) characters", m -> "は" + m.group(1) + "文字以内にしてください。");
        field("must be written in katakana.*", m -> "はカタカナで書いてください。");
        field("must be a 13-digit corporate number.*", m -> "は13桁の法人番号（先頭がチェックデジット）にしてください。");
        field("must be an e-mail address.*", m -> "はメールアドレスとして正しくありません（@の前は半角英数字と記号）。");
        field("must be an http or https address", m -> "は http または https で始まるアドレスにしてください。");
        field("must be a phone number.*", m -> "は電話番号（半角数字・+・-・括弧、6〜20文字）にしてください。");
        field("must not contain < or >", m -> "に < や > は使えません。");
        field("name at least one prefecture.*", m -> "は都道府県を1つ以上選ぶか、「全国」を選んでください。");
        field("'(.*)' is not a JIS X 0401 prefecture code.*", m -> "の「" + m.group(1) + "」は都道府県コード（01〜47）ではありません。");
        field("name at least one field of activity", m -> "は1つ以上選んでください。");
        field("must be between (\\d+) and (\\d+)", m -> "は" + m.group(1) + "から" + m.group(2) + "までの数にしてください。");
        field("must be between (\\d{4}-\\d\\d-\\d\\d) .* and (\\d{4}-\\d\\d-\\d\\d).*",
                m -> "は" + m.group(1) + "から" + m.group(2) + "までの日付にしてください。");
        field("must be after termStart", m -> "は任期の開始日より後にしてください。");
        field("must be after start", m -> "は開始より後にしてください。");
        field("must not be before the term start", m -> "は任期の開始日より前にはできません。");
        field(".* cannot take effect before the member joined \\((.+)\\)",
                m -> "は入会日（" + m.group(1) + "）より前にはできません。");
        field("is not a cursor of this listing.*", m -> "が正しくありません。一覧の最初から開き直してください。");
        field("is not an organization id", m -> "の指定が正しくありません。");
        field("is not an active member organization", m -> "は会員の団体ではありません。");
        field("at least one of .* is required", m -> "を1つ以上選んでください。");
        field("'(.*)' is not a scope.*", m -> "に「" + m.group(1) + "」というスコープはありません。");
        field("at most (\\d+) origins", m -> "は" + m.group(1) + "件までです。");
        field("must be an origin like .*", m -> "は https://app.example.jp のような形にしてください（パスやワイルドカードは不可）。");
        field("must be on one line.*", m -> "は1行で入力してください（タブや改行は使えません）。");
        field("contains (half of a character|the control character|the bidirectional control|the noncharacter).*",
                m -> "に使えない文字が含まれています。");
        field("must be a JSON object", m -> "はJSONのオブジェクトにしてください。");
        field("is not a known field", m -> "に知らない項目があります。");
        field("must not be blank|must not be null|must not be empty", m -> "は必須です。");
        field("size must be between \\d+ and (\\d+)", m -> "は" + m.group(1) + "文字以内にしてください。");
        field("must be plain text of at most (\\d+) characters", m -> "は" + m.group(1) + "文字以内の文字にしてください。");
        field("is not a column of the import; known: (.*)", m -> "は取り込みの列ではありません（使える列：" + m.group(1) + "）。");
        field("is a column the import needs, missing from the header", m -> "は取り込みに必要な列ですが、見出し行にありません。");
        field("選べない値です: (.*)", m -> "で「" + m.group(1) + "」は選べません。");
        // attachments (infra.files.Attachments) and the subcommittees' own
        field("is empty", m -> "が空です。中身のあるファイルを選んでください。");
        field("has \\d+ bytes; a file has at most .*", m -> "が大きすぎます。添付できるのは10MB（10,485,760バイト）までです。");
        field("is .*; files accepted are .*",
                m -> "の種類は添付できません。PDF、Word、Excel、PowerPoint、PNG、JPEG、GIF、WebP、テキスト（UTF-8）を選んでください。");
        field("is .* by its bytes, but its name .*", m -> "の中身と拡張子（ファイル名の末尾）が合っていません。");
        field("is .* by its bytes \\(.*\\), not .* as declared", m -> "の中身と種類が合っていません。");
        field("has no file name", m -> "にファイル名がありません。");
        field("has a name of more than (\\d+) characters", m -> "のファイル名は" + m.group(1) + "文字以内にしてください。");
        field("is not a member organization of this subcommittee", m -> "は分科会の構成団体から選んでください。");
        field("must be 1 to (\\d+)", m -> "は1から" + m.group(1) + "までの数にしてください。");
        field("is given twice", m -> "が2回指定されています。");

        rule("only an application sent back for changes can be resubmitted", "差し戻された申込みだけが再提出できます。");
        rule("only a submitted application can be sent back", "審査中の申込みだけが差し戻せます。");
        rule("only an open application can be rejected", "審査中または差戻し中の申込みだけが却下できます。");
        rule("only a submitted application can be approved.*", "審査中の申込みだけが承認できます（差し戻した申込みは再提出を待ってください）。");
        rule("only an active member can change category", "会員区分を変更できるのは、資格停止中でない会員だけです。");
        rule("only an active member can be appointed steering member", "幹事団体に選任できるのは、資格停止中でない会員だけです。");
        rule("only an active member can be suspended", "会員資格を停止できるのは、資格停止中でない会員だけです。");
        rule("only a suspended member can be reinstated", "停止の解除ができるのは、資格停止中の会員だけです。");
        rule("only a member \\(active or suspended\\) can withdraw", "退会を記録できるのは会員（資格停止中を含む）だけです。");
        rule("only an active member can invite admins", "管理者を招待できるのは、資格停止中でない会員だけです。");
        rule("the member is already in category (\\w+)", "すでにその会員区分です。");
        rule("a steering member \\(幹事団体\\) must be a regular member.*",
                "幹事団体は会員（正会員）でなければなりません。先に幹事団体の任期を終えてください。");
        rule("steering members \\(幹事団体\\) are chosen from regular members.*", "幹事団体は会員（正会員）から選ばれます。");
        rule("the member already serves a steering-member term", "この団体はすでに幹事団体の任期中です。");
        rule("the member serves no steering-member term", "この団体は幹事団体の任期中ではありません。");
        rule("proposal .* is not pending.*", "この変更の申請は、すでに処理されています。");
        rule("contact .* already exists", "この担当者はすでに登録されています。");
        rule("contact .* is not a current contact of this organization", "この団体の現在の担当者ではありません。");
        rule("the primary contact cannot be removed.*", "主担当の方は削除できません。先に別の担当者を主担当にしてください。");
        rule("contact .* is already the primary contact", "この担当者はすでに主担当です。");
        rule("contact .* is unknown to this organization", "この団体の担当者ではありません。");
        rule("contact .* was erased.*", "この担当者の個人情報は消去済みです。新しい担当者を追加してください。");
        rule("account .* is not an admin of this organization", "このアカウントはこの団体の管理者ではありません。");
        rule("the last admin of an organization cannot be removed.*", "団体の最後の管理者は削除できません。先に別の管理者を招待してください。");
        rule("the organization has withdrawn; nothing about it can change", "退会した団体の情報は変更できません。");
        rule("the application was rejected; nothing about it can change", "却下された申込みの情報は変更できません。");
        rule("this organization was imported before.*", "この団体はすでに取り込まれています。");
        rule("this e-mail address already has an account that acts for another organization.*",
                "このメールアドレスには、別の団体の管理者のアカウントがあります。1つのアカウントは1つの団体の管理者にしかなれません。");
        rule("a revoked client cannot get a new secret.*", "無効にしたクライアントのシークレットは再発行できません。新しいクライアントを登録してください。");
        rule("the client is already revoked", "このクライアントはすでに無効です。");
        rule("the minutes are finalized and cannot change", "確定した議事録は変更も復元もできません。");
        rule("only finalized minutes are published: finalize them first", "議事録は確定してから公開してください。");
        rule("attendance is recorded once the meeting has begun", "出席は会議の開始後に記録できます。");
        rule("the meeting is cancelled.*", "中止になった会議です。");
        rule("an agenda has at most (\\d+) items", "議題はこれ以上追加できません。");
        rule("an agenda item has at most (\\d+) files", "この議題にはこれ以上ファイルを添付できません。");
    }

    private JapaneseMessages() {
    }

    private static void label(String field, String label) {
        LABELS.put(field, label);
    }

    private static void field(String english, Function<Matcher, String> japanese) {
        FIELD.put(Pattern.compile(english), japanese);
    }

    private static void rule(String english, String japanese) {
        RULES.put(Pattern.compile(english + "( \\(current state: (\\w+)\\))?"), m -> japanese
                + (m.group(m.groupCount()) == null ? "" : "（現在の状態：" + STATES.getOrDefault(m.group(m.groupCount()), m.group(m.groupCount())) + "）"));
    }

    /** The field as a person knows it: {@code profile.nameKana} → フリガナ, {@code scopes[1]} → 権限（スコープ）. */
    public static String label(String field) {
        if (field == null || field.isBlank()) {
            return "入力内容";
        }
        String bare = field.replaceAll("\\[\\d+]", "");
        if (LABELS.containsKey(bare)) {
            return LABELS.get(bare);
        }
        String last = bare.substring(bare.lastIndexOf('.') + 1);
        return LABELS.getOrDefault(last, field);
    }

    /**
     * A field's message as a sentence naming the field: 「フリガナ」はカタカナで書いてください。 It reads the same in a
     * form's error summary and beside the field. A message written in Japanese already (a page's own check) is kept.
     */
    public static String field(String field, String message) {
        if (message != null && isJapanese(message)) {
            return message;
        }
        return "「" + label(field) + "」" + predicate(message);
    }

    /** A rule's message as a Japanese sentence; a rule with none yet gets {@link #UNKNOWN_RULE}. */
    public static String rule(String message) {
        if (message == null) {
            return UNKNOWN_RULE;
        }
        if (isJapanese(message)) {
            return message;
        }
        for (Map.Entry<Pattern, Function<Matcher, String>> rule : RULES.entrySet()) {
            Matcher m = rule.getKey().matcher(message);
            if (m.matches()) {
                return rule.getValue().apply(m);
            }
        }
        return UNKNOWN_RULE;
    }

    /** Whether a rule's or a field's message has its Japanese here (JapaneseMessagesTest asks for every one). */
    public static boolean knows(String message, boolean isRule) {
        if (isJapanese(message)) {
            return true;
        }
        for (Pattern p : (isRule ? RULES : FIELD).keySet()) {
            if (p.matcher(message).matches()) {
                return true;
            }
        }
        return false;
    }

    private static String predicate(String message) {
        if (message == null) {
            return "の値が正しくありません。";
        }
        for (Map.Entry<Pattern, Function<Matcher, String>> rule : FIELD.entrySet()) {
            Matcher m = rule.getKey().matcher(message);
            if (m.matches()) {
                return rule.getValue().apply(m);
            }
        }
        return "の値が正しくありません。";
    }

    /** Written for people already: a page's own check, whose first letter is kana or kanji. */
    private static boolean isJapanese(String message) {
        OptionalInt first = message.codePoints().filter(Character::isLetter).findFirst();
        return first.isPresent() && Character.UnicodeScript.of(first.getAsInt()) != Character.UnicodeScript.LATIN;
    }
}
