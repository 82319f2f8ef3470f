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
    private static final Map<String, String> EVENT_STATES = Map.of(
            "DRAFT", "下書き", "PROPOSED", "申請中", "REJECTED", "却下", "PUBLISHED", "公開中", "RESCHEDULED", "日程変更",
            "CANCELLED", "中止", "FINISHED", "終了");
    private static final Map<String, String> REGISTRATION_STATES = Map.of(
            "PENDING_CONFIRMATION", "メールアドレスの確認待ち", "CONFIRMED", "参加確定", "WAITLISTED", "キャンセル待ち",
            "CANCELLED", "取消し済み", "REMOVED", "事務局により取消し済み", "EVENT_CANCELLED", "イベントの中止により取消し済み");

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
        label("kind", "種類");
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

        // the events portal and subcommittees (issues 11, 12)
        label("description", "説明");
        label("schedule", "日時");
        label("startDate", "開始日");
        label("endDate", "終了日");
        label("startTime", "開始時刻");
        label("endTime", "終了時刻");
        label("start", "開始");
        label("end", "終了");
        label("date", "日付");
        label("venue", "会場");
        label("venue.name", "会場名");
        label("venue.address", "会場の住所");
        label("prefectureCode", "都道府県");
        label("prefecture", "都道府県");
        label("onlineUrl", "オンライン参加のURL");
        label("visibility", "公開範囲");
        label("registration", "申込みの設定");
        label("capacity", "定員");
        label("opensAt", "申込みの開始");
        label("closesAt", "申込みの締切");
        label("seatLimit", "1件あたりの席数の上限");
        label("seats", "席数");
        label("reminderDaysBefore", "リマインダー（何日前）");
        label("reminderHoursBefore", "リマインダー（何時間前）");
        label("organizerOrganizations", "主催団体");
        label("campaignId", "強化月間");
        label("courseLevel", "講座のレベル");
        label("attendedSeats", "出席者数");
        label("position", "順番");
        label("fiscalYear", "年度");
        label("month", "月");
        label("from", "開始日");
        label("to", "終了日");
        label("number", "分科会の番号");
        label("theme", "テーマ");
        label("leadOrganizations", "担当幹事団体");
        label("subcommitteeId", "分科会");
        label("userId", "アカウント");
        label("deadline", "回答の締切");
        label("slots", "候補日時");
        label("slot", "候補日時");
        label("slotId", "候補日時");
        label("answers", "回答");
        label("choice", "回答（○・△・×）");
        label("answers.comment", "コメント");
        label("summary", "概要");
        label("meetingIds", "会合");
        label("itemIds", "議題");
        label("attendance", "出席");
        label("publicMeeting", "会合の公開");
        label("declineReason", "お断りの理由");
        label("endReason", "終了の理由");
        label("newStartDate", "新しい開始日");
        label("scope", "対象");

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

        // the events portal and subcommittees (issues 11, 12)
        field("a campaign takes no registrations; its events do", m -> "は設定できません。強化月間では、その中の各イベントが申込みを受け付けます。");
        field("a range spans at most two years", m -> "の期間は2年以内にしてください。");
        field("an event lasts at most (\\d+) days", m -> "は開始日から" + m.group(1) + "日以内にしてください。");
        field("answer at least one slot", m -> "は1つ以上の候補に答えてください。");
        field("at least one candidate slot is required", m -> "は1つ以上必要です。");
        field("at least one lead organization \\(担当幹事団体\\) is required", m -> "は1団体以上必要です。");
        field("at most (\\d+) lead organizations", m -> "は" + m.group(1) + "団体までです。");
        field("at most (\\d+) slots", m -> "は" + m.group(1) + "件までです。");
        field("give a month or a date range, not both", m -> "は、月か期間のどちらか一方で指定してください。");
        field("give a venue \\(address\\), an online URL, or both", m -> "は、会場（住所）かオンラインのURL、またはその両方を入力してください。");
        field("give both start and end, or neither.*", m -> "は、開始と終了の両方を入力するか、両方とも空にしてください（空なら終日）。");
        field("give both times, or neither for a whole-day event", m -> "は、開始と終了の両方の時刻を入力するか、両方とも空にしてください（空なら終日）。");
        field("is before the meeting of (.+) that produced it", m -> "は、この成果を生んだ会合（" + m.group(1) + "）より前にはできません。");
        field("is only for a campaign event", m -> "は強化月間のイベントにだけ指定できます。");
        field("is only for a training course", m -> "はつながりサポーター養成講座にだけ指定できます。");
        field("must be (\\d+) to (\\d+)", m -> "は" + m.group(1) + "から" + m.group(2) + "までの数にしてください。");
        field("must be 1–64 letters, digits or hyphens", m -> "は半角英数字とハイフンで1〜64文字にしてください。");
        field("must be MEETING or one of .*", m -> "の値が正しくありません。イベントの種類か MEETING を指定してください。");
        field("must be a JIS X 0401 prefecture code, 01 to 47", m -> "は都道府県コード（01〜47）にしてください。");
        field("must be a date such as 2026-05-01", m -> "は 2026-05-01 のような日付にしてください。");
        field("must be a month such as 2026-05", m -> "は 2026-05 のような年月にしてください。");
        field("must be after opensAt", m -> "は申込みの開始より後にしてください。");
        field("must be after the start", m -> "は開始より後にしてください。");
        field("must be an https(?: address|:// URL) of at most (\\d+) characters",
                m -> "は https で始まる" + m.group(1) + "文字以内のアドレスにしてください。");
        field("must be an organization's id", m -> "は団体のIDにしてください。");
        field("must be between (\\d+) and (\\d+), or absent for no limit",
                m -> "は" + m.group(1) + "から" + m.group(2) + "までの数にしてください（空なら上限なし）。");
        field("must be in the future", m -> "は未来の日時にしてください。");
        field("must be within (\\d+) years", m -> "は" + m.group(1) + "年以内にしてください。");
        field("must be within a year", m -> "は1年以内にしてください。");
        field("must have at most (\\d+) organizations", m -> "は" + m.group(1) + "団体までです。");
        field("must name each organization once", m -> "に同じ団体が重複しています。");
        field("must name organizations by their id", m -> "は団体のIDで指定してください。");
        field("must not be after the end of the event", m -> "はイベントの終了より後にはできません。");
        field("must not be before from", m -> "は開始日より前にはできません。");
        field("must not be before the deadline", m -> "は回答の締切より前にはできません。");
        field("must not be before the start date", m -> "は開始日より前にはできません。");
        field("must not be in the past", m -> "は過去にはできません。");
        field("must not exceed the capacity", m -> "は定員を超えられません。");
        field("names a meeting twice", m -> "に同じ会合が重複しています。");
        field("names a slot id that is not one", m -> "に、この日程調整にない候補が含まれています。");
        field("names an organization twice", m -> "に同じ団体が重複しています。");
        field("names at most (\\d+) meetings", m -> "は" + m.group(1) + "件までです。");

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

        // the events portal (issue 12)
        rule("the kind of an event cannot change; create a new event instead", "イベントの種類は変えられません。新しいイベントとして作成してください。");
        rule("an announced event changes its time by being rescheduled, with a reason",
                "公開済みのイベントの日時は、理由を添えて「日程変更」で変えてください。");
        rule("the event has registrations, so it keeps taking them", "申込みがあるため、申込みの受付はやめられません。");
        rule("the capacity cannot be below the (\\d+) seats already confirmed; remove registrations first",
                m -> "定員は確定済みの席数（" + m.group(1) + "席）より少なくできません。先に申込みを取り消してください。");
        rule("only a draft can be published; this event is (\\w+)",
                m -> "公開できるのは下書きのイベントだけです。（現在の状態：" + eventState(m.group(1)) + "）");
        rule("only a published event that has not finished can be rescheduled; this one is (\\w+)",
                m -> "日程を変更できるのは、公開中で終了していないイベントだけです。（現在の状態：" + eventState(m.group(1)) + "）");
        rule("the event already takes place at that time", "イベントはすでにその日時です。");
        rule("the event is (\\w+) and cannot be cancelled",
                m -> "このイベントは中止できません。（現在の状態：" + eventState(m.group(1)) + "）");
        rule("only a published event can finish; this one is (\\w+)",
                m -> "終了にできるのは公開中のイベントだけです。（現在の状態：" + eventState(m.group(1)) + "）");
        rule("the event has not started yet", "イベントはまだ始まっていません。");
        rule("this event is for members only; member organizations register through their member admin account",
                "このイベントは会員限定です。会員団体の管理者アカウントから申し込んでください。");
        rule("only a waitlisted registration can be moved", "順番を動かせるのは、キャンセル待ちの申込みだけです。");
        rule("the registration is already at position (\\d+)", m -> "この申込みはすでに" + m.group(1) + "番目です。");
        rule("attendance is recorded once the event has finished", "出席はイベントの終了後に記録してください。");
        rule("attendance is recorded for confirmed registrations only", "出席を記録できるのは、参加が確定した申込みだけです。");
        rule("a member registration holds no personal data of its own", "会員団体の申込みには、消去する個人情報がありません。");
        rule("the registration is already (\\w+)", m -> "この申込みはすでに" + registrationState(m.group(1)) + "です。");
        rule("this event takes no registrations", "このイベントは申込みを受け付けていません。");
        rule("registrations are taken only while the event is published; it is (\\w+)",
                m -> "申込みはイベントの公開中だけ受け付けます。（現在の状態：" + eventState(m.group(1)) + "）");
        rule("this registration exists already", "この申込みはすでにあります。");
        rule("the event is (\\w+) and can no longer be .+",
                m -> "このイベントはもう変更できません。（現在の状態：" + eventState(m.group(1)) + "）");
        rule("only a proposed campaign event can be approved or rejected; this one is (\\w+)",
                m -> "承認・却下できるのは、申請中の強化月間のイベントだけです。（現在の状態：" + eventState(m.group(1)) + "）");

        // subcommittees (issue 11)
        rule("分科会(\\d+) exists already; numbers are never reused", m -> "分科会" + m.group(1) + "はすでにあります。番号は再利用できません。");
        rule("the poll has a slot with this id already", "この日程調整には、同じIDの候補がすでにあります。");
        rule("a poll keeps at least one slot", "日程調整には候補が1つ以上必要です。");
        rule("the poll's deadline has passed; answers can no longer change", "回答の締切を過ぎたため、回答は変更できません。");
        rule("a slot of this poll is confirmed; the poll is closed", "候補の1つが確定したため、この日程調整は締め切られています。");
        rule("the poll has no slot .+", "この日程調整にその候補はありません。");
        rule("the poll has a slot at this time already \\(.+\\)", "この日程調整には、同じ日時の候補がすでにあります。");
        rule("a deliverable has at most (\\d+) files", m -> "成果物に添付できるファイルは" + m.group(1) + "件までです。");
        rule("the meeting is scheduled already", "この会合はすでに予定されています。");
        rule("a cancelled meeting cannot be rescheduled", "中止した会合の日程は変更できません。");
        rule("the meeting has taken place already", "この会合はすでに開催されました。");
        rule("the meeting is cancelled", "この会合は中止されています。");
        rule("an agenda has at most (\\d+) items", m -> "議題は" + m.group(1) + "件までです。");
        rule("an agenda item has at most (\\d+) files", m -> "議題に添付できるファイルは" + m.group(1) + "件までです。");
        rule("the meeting is cancelled: it has no minutes", "中止した会合には議事録がありません。");
        rule("the chair .+ acts for .+, which would no longer lead the subcommittee; end the chair's term first",
                "座長の所属団体が担当幹事団体でなくなります。先に座長の任期を終えてください。");
        rule("the organization has asked to join already; a chair will decide", "この団体はすでに参加を申し込んでいます。座長の判断をお待ちください。");
        rule("the organization is not a member of this subcommittee", "この団体はこの分科会のメンバーではありません。");
        rule("a lead organization \\(担当幹事団体\\) stays a member while it leads; change the lead organizations first",
                "担当幹事団体は、担当の間は分科会から外せません。先に担当幹事団体を変更してください。");
        rule("this person chairs the subcommittee already", "この方はすでにこの分科会の座長です。");
        rule("this person chairs .+; a chair runs one subcommittee, so end that term first",
                "この方はすでに別の分科会の座長です。座長は1つの分科会だけを担当します。先にその任期を終えてください。");
        rule("a chair \\(座長\\) is staff of a lead organization \\(担当幹事団体\\); this account acts for .+",
                "座長は担当幹事団体の職員から選びます。このアカウントは担当幹事団体の管理者ではありません。");
        rule("this person does not chair the subcommittee", "この方はこの分科会の座長ではありません。");
        rule("the subcommittee is closed", "この分科会は活動を終えています。");
        rule("the organization is a member already", "この団体はすでにこの分科会のメンバーです。");
        rule("only member organizations of the subcommittee answer its polls", "日程調整に回答できるのは、この分科会のメンバーの団体だけです。");
        rule("the organization has no open request to join", "この団体からの参加の申込みはありません。");
        rule("only an active member of the platform can be (.+?); .+ is not one.*",
                m -> (m.group(1).startsWith("a lead") ? "担当幹事団体" : "分科会のメンバー")
                        + "になれるのは、資格停止中でないプラットフォームの会員だけです。");
    }

    private JapaneseMessages() {
    }

    private static void label(String field, String label) {
        LABELS.put(field, label);
    }

    private static void field(String english, Function<Matcher, String> japanese) {
        FIELD.put(Pattern.compile(english), japanese);
    }

    /** A rule whose Japanese takes parts of the English (a number, a state). */
    private static void rule(String english, Function<Matcher, String> japanese) {
        RULES.put(Pattern.compile(english), japanese);
    }

    private static String eventState(String state) {
        return EVENT_STATES.getOrDefault(state, state);
    }

    private static String registrationState(String state) {
        return REGISTRATION_STATES.getOrDefault(state, state);
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
        // answers.<slot id>.comment: the outer and the last name, so that a comment is not a withdrawal's comment
        String outer = bare.substring(0, Math.max(0, bare.indexOf('.'))) + "." + last;
        return LABELS.getOrDefault(outer, LABELS.getOrDefault(last, field));
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
        // the rules first: an English rule may begin with a Japanese name (分科会3 exists already)
        for (Map.Entry<Pattern, Function<Matcher, String>> rule : RULES.entrySet()) {
            Matcher m = rule.getKey().matcher(message);
            if (m.matches()) {
                return rule.getValue().apply(m);
            }
        }
        return isJapanese(message) ? message : UNKNOWN_RULE;
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
