package jp.kodoku.platform.infra.text;

import jp.kodoku.platform.infra.errors.FieldViolation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TextCheckedCommandsTest {

    record Contact(String name, String email) {
    }

    record Register(String id, Contact contact, List<String> tags, Set<Contact> others, Map<String, Object> extra,
                    String publicDescription, int count) {
    }

    @Test
    void every_string_of_a_command_is_checked_by_its_path() {
        Register command = new Register("id\u0000", new Contact("花子\u202E", "ok@example.jp"), List.of("良い", "悪い\ud800"),
                Set.of(new Contact("次郎", "x\ty@example.jp")), Map.of("note", "\u0007"), "一行目\n二行目", 3);

        assertThat(TextCheckedCommands.violations(command)).extracting(FieldViolation::field)
                .containsExactlyInAnyOrder("id", "contact.name", "tags", "others.email", "extra.note");
    }

    @Test
    void good_text_passes() {
        assertThat(TextCheckedCommands.violations(new Register("id", new Contact("花子", "h@example.jp"), List.of(),
                Set.of(), Map.of(), "説明\r\nです", 0))).isEmpty();
    }
}
