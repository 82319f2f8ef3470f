package jp.kodoku.platform.infra.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"\ud800", "a\udc00b", "末尾\ud83d", "\u0000", "a\u0007b", "\u001b[31m", "\u007f", "\u0085",
            "\u202Eevil", "\u202A", "\u2066x\u2069", "\uFFFF", "\uFFFE"})
    void characters_nobody_types_are_refused_in_every_field(String text) {
        assertThat(TextRules.problem(text, false)).isNotNull();
        assertThat(TextRules.problem(text, true)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"一行目\n二行目", "項目\t値", "窓の改行\r\n"})
    void tab_and_line_breaks_belong_to_prose_only(String text) {
        assertThat(TextRules.problem(text, true)).isNull();
        assertThat(TextRules.problem(text, false)).isEqualTo("must be on one line (no tab or line break)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"こども居場所ネットワーク", "Ｌｉｆｅ　Ｌｉｎｋ", "😀 絵文字", "𠮷野家", "café", "\u200F"})
    void what_people_write_is_accepted(String text) {
        assertThat(TextRules.problem(text, false)).isNull();
    }

    @Test
    void text_is_kept_composed() {
        assertThat(TextRules.normalize("か\u3099")).isEqualTo("が");
        assertThat(TextRules.normalize("cafe\u0301")).isEqualTo("café");
        assertThat(TextRules.normalize("ﾃﾞｰﾀ")).as("NFC leaves width alone").isEqualTo("ﾃﾞｰﾀ");
    }

    @Test
    void only_prose_fields_are_multi_line() {
        assertThat(TextRules.isMultiLine("publicDescription")).isTrue();
        assertThat(TextRules.isMultiLine("name")).isFalse();
    }
}
