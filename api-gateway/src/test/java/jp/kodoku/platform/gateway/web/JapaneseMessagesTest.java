package jp.kodoku.platform.gateway.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule and field message the modules can send a person has its Japanese: read from the sources, so that a rule
 * added tomorrow without a line in {@link JapaneseMessages} fails here instead of showing English (or a vague
 * sentence) on a Japanese page.
 */
class JapaneseMessagesTest {

    /** The modules whose messages reach the pages of membership and API clients. */
    private static final List<Path> SOURCES = List.of(
            Path.of("../membership/src/main/java"),
            Path.of("src/main/java/jp/kodoku/platform/gateway/clients"),
            Path.of("src/main/java/jp/kodoku/platform/gateway/membership"),
            Path.of("../infra/src/main/java/jp/kodoku/platform/infra/text"),
            Path.of("../infra/src/main/java/jp/kodoku/platform/infra/time"));

    private static final Pattern RULE = Pattern.compile("new \\w*RuleViolation\\(|requireStatus\\(|requireActive\\(");
    private static final Pattern FIELD = Pattern.compile("new FieldViolation\\(");

    @Test
    void every_rule_and_field_message_of_membership_and_api_clients_has_its_japanese() throws IOException {
        Checked checked = check(SOURCES);

        assertThat(checked.count()).as("messages found in the sources").isGreaterThan(60);
        assertThat(checked.missing()).isEmpty();
    }

    /** The modules whose messages reach the event and subcommittee pages, and problems asked for in Japanese. */
    private static final List<Path> EVENTS_AND_SUBCOMMITTEES = List.of(
            Path.of("../events-portal/src/main/java"),
            Path.of("../subcommittees/src/main/java"),
            Path.of("src/main/java/jp/kodoku/platform/gateway/events"),
            Path.of("src/main/java/jp/kodoku/platform/gateway/subcommittees"));

    @Test
    void every_rule_and_field_message_of_the_events_portal_and_of_subcommittees_has_its_japanese() throws IOException {
        Checked checked = check(EVENTS_AND_SUBCOMMITTEES);

        assertThat(checked.count()).as("messages found in the sources").isGreaterThan(120);
        assertThat(checked.missing()).isEmpty();
    }

    private record Checked(int count, List<String> missing) {
    }

    /** The rules and field messages of the sources, and those without Japanese. */
    private static Checked check(List<Path> sources) throws IOException {
        List<String> missing = new ArrayList<>();
        int count = 0;
        for (Path root : sources) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    for (String message : messages(source, RULE, 0)) {
                        count++;
                        if (!JapaneseMessages.knows(message, true)) {
                            missing.add("rule in " + file.getFileName() + ": " + message);
                        }
                    }
                    for (String message : messages(source, FIELD, 1)) {
                        count++;
                        if (!JapaneseMessages.knows(message, false)) {
                            missing.add("field message in " + file.getFileName() + ": " + message);
                        }
                    }
                }
            }
        }
        return new Checked(count, missing);
    }

    @Test
    void a_field_message_names_the_field_as_the_forms_label_it() {
        assertThat(JapaneseMessages.field("profile.name", "must be at most 100 characters"))
                .isEqualTo("「団体名」は100文字以内にしてください。");
        assertThat(JapaneseMessages.field("primaryContact.email", "is required")).isEqualTo("「メールアドレス」は必須です。");
        assertThat(JapaneseMessages.field("nameKana", "must be written in katakana (フリガナ)"))
                .isEqualTo("「フリガナ」はカタカナで書いてください。");
        assertThat(JapaneseMessages.field("reason", "理由を入力してください")).as("a page's own message, kept")
                                                                      .isEqualTo("理由を入力してください");
    }

    @Test
    void a_state_rule_says_the_current_state_in_japanese() {
        assertThat(JapaneseMessages.rule("only an active member can be suspended (current state: SUSPENDED)"))
                .isEqualTo("会員資格を停止できるのは、資格停止中でない会員だけです。（現在の状態：資格停止中）");
    }

    @Test
    void an_events_or_subcommittees_rule_says_the_state_and_the_figures_in_japanese() {
        assertThat(JapaneseMessages.rule("only a draft can be published; this event is CANCELLED"))
                .isEqualTo("公開できるのは下書きのイベントだけです。（現在の状態：中止）");
        assertThat(JapaneseMessages.rule("the registration is already WAITLISTED")).isEqualTo("この申込みはすでにキャンセル待ちです。");
        assertThat(JapaneseMessages.rule("an agenda has at most 30 items")).isEqualTo("議題は30件までです。");
        assertThat(JapaneseMessages.field("registration.capacity", "must be between 1 and 10000, or absent for no limit"))
                .isEqualTo("「定員」は1から10000までの数にしてください（空なら上限なし）。");
        assertThat(JapaneseMessages.field("answers.slot-2.comment", "must be at most 200 characters"))
                .isEqualTo("「コメント」は200文字以内にしてください。");
        assertThat(JapaneseMessages.rule("分科会3 exists already; numbers are never reused"))
                .isEqualTo("分科会3はすでにあります。番号は再利用できません。");
    }

    @Test
    void a_rule_without_japanese_yet_reads_as_a_japanese_sentence_never_as_english() {
        assertThat(JapaneseMessages.rule("a rule nobody translated")).isEqualTo(JapaneseMessages.UNKNOWN_RULE);
    }

    /**
     * The message argument ({@code index}) of each call the pattern finds, its literal parts joined as they would be
     * with "1" for what the code fills in; an argument that does not start with a literal (a variable passed on) is
     * checked where its text is written.
     */
    private static List<String> messages(String source, Pattern call, int index) {
        List<String> messages = new ArrayList<>();
        Matcher m = call.matcher(source);
        while (m.find()) {
            List<String> args = arguments(source, m.end());
            if (args.size() <= index) {
                continue;
            }
            String arg = args.get(index).strip();
            if (!arg.startsWith("\"")) {
                continue;
            }
            messages.add(joined(arg));
        }
        return messages;
    }

    /** The top-level arguments of the call whose parenthesis opens just before {@code from}. */
    private static List<String> arguments(String source, int from) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"') {
                int end = i + 1;
                while (source.charAt(end) != '"') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                current.append(source, i, end + 1);
                i = end;
                continue;
            }
            if (c == '(' || c == '[' || c == '{' || c == '<' && depth > 0) {
                depth++;
            } else if (c == ')' || c == ']' || c == '}' || c == '>' && depth > 0) {
                if (depth == 0) {
                    args.add(current.toString());
                    return args;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        return args;
    }

    private static String joined(String expression) {
        StringBuilder text = new StringBuilder();
        Matcher literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(expression);
        int last = 0;
        while (literal.find()) {
            if (!expression.substring(last, literal.start()).replaceAll("[\\s+]", "").isEmpty()) {
                text.append('1');
            }
            text.append(literal.group(1).replace("\\\"", "\""));
            last = literal.end();
        }
        if (!expression.substring(last).replaceAll("[\\s+)]", "").isEmpty()) {
            text.append('1');
        }
        return text.toString();
    }
}
