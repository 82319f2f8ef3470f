package jp.kodoku.platform.infra.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class JapaneseTextTest {

    @Test
    void a_search_in_half_width_katakana_hiragana_or_katakana_finds_the_same_name() {
        String name = JapaneseText.searchKey("自殺対策支援センター ライフリンク");

        assertThat(name)
                .contains(JapaneseText.searchKey("ﾗｲﾌﾘﾝｸ"))
                .contains(JapaneseText.searchKey("らいふりんく"))
                .contains(JapaneseText.searchKey("ライフリンク"));
    }

    @Test
    void full_width_and_upper_case_latin_letters_match_plain_lower_case() {
        assertThat(JapaneseText.searchKey("ＮＰＯ")).isEqualTo(JapaneseText.searchKey("npo"));
        assertThat(JapaneseText.searchKey("日本ＮＰＯセンター")).isEqualTo("日本npoせんた");
    }

    @Test
    void spaces_of_any_width_are_removed() {
        assertThat(JapaneseText.searchKey("よりそい　ホットライン")).isEqualTo("よりそいほつとらいん");
        assertThat(JapaneseText.searchKey(" 日本 いのちの電話\t連盟 ")).isEqualTo("日本いのちの電話連盟");
    }

    @Test
    void brackets_quotes_and_separators_are_ignored() {
        assertThat(JapaneseText.searchKey("あなたのいばしょ（SNS相談コンソーシアム）"))
                .isEqualTo("あなたのいばしよsns相談こんそしあむ");
        assertThat(JapaneseText.searchKey("「声を上げやすい・声をかけやすい社会」")).isEqualTo("声を上げやすい声をかけやすい社会");
        assertThat(JapaneseText.searchKey("『居場所』、つながり。\"ok\" 'ok' (a,b.c) ｢ﾊﾞｽ｣･ﾊﾟﾝ"))
                .isEqualTo("居場所つながりokokabcばすぱん");
    }

    @Test
    void small_kana_match_their_large_kana() {
        assertThat(JapaneseText.searchKey("ネットワーク")).isEqualTo(JapaneseText.searchKey("ネツトワーク"));
        assertThat(JapaneseText.searchKey("ｷｮｳｷﾞｶｲ")).isEqualTo(JapaneseText.searchKey("キヨウギカイ"));
        assertThat(JapaneseText.searchKey("ァィゥェォッャュョヮヵヶ")).isEqualTo("あいうえおつやゆよわかけ");
        assertThat(JapaneseText.searchKey("ぁぃぅぇぉっゃゅょゎゕゖ")).isEqualTo("あいうえおつやゆよわかけ");
        assertThat(JapaneseText.searchKey("ｧｨｩｪｫｯｬｭｮ")).isEqualTo("あいうえおつやゆよ");
        assertThat(JapaneseText.searchKey("ㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ")).isEqualTo("くしすとぬはひふへほむらりるれろ");
    }

    @Test
    void the_long_vowel_mark_and_what_is_typed_for_it_are_left_out() {
        String centre = JapaneseText.searchKey("フードバンクセンター");

        assertThat(centre).isEqualTo("ふどばんくせんた");
        for (String typed : List.of("センター", "ｾﾝﾀｰ", "センタ-", "センタ－", "センタ‐", "センタ‑", "センタ–", "センタ—",
                "センタ―", "センタ−", "センタ─", "センタ～", "センタ〜", "センタ~", "センタ", "ｾﾝﾀ")) {
            assertThat(centre).as(typed).contains(JapaneseText.searchKey(typed));
        }
        assertThat(JapaneseText.searchKey("コンソシアム")).isEqualTo(JapaneseText.searchKey("コンソーシアム"));
    }

    @Test
    void voiced_kana_stay_apart_from_unvoiced_kana() {
        assertThat(JapaneseText.searchKey("バス")).isNotEqualTo(JapaneseText.searchKey("ハス"));
        assertThat(JapaneseText.searchKey("パン")).isNotEqualTo(JapaneseText.searchKey("ハン"));
    }

    @Test
    void iteration_marks_and_old_kanji_forms_are_left_as_written() {
        assertThat(JapaneseText.searchKey("いすゞ")).isEqualTo("いすゞ");
        assertThat(JapaneseText.searchKey("佐々木")).isEqualTo("佐々木");
        assertThat(JapaneseText.searchKey("髙橋")).isNotEqualTo(JapaneseText.searchKey("高橋"));
    }

    @Test
    void half_width_voiced_katakana_becomes_one_hiragana_letter() {
        assertThat(JapaneseText.searchKey("ﾌｰﾄﾞﾊﾞﾝｸ")).isEqualTo("ふどばんく");
    }

    @Test
    void a_name_key_keeps_small_kana_and_the_long_vowel_mark_apart() {
        assertThat(JapaneseText.nameKey("ネットワーク")).isEqualTo("ねっとわーく");
        assertThat(JapaneseText.nameKey("ネツトワーク")).isNotEqualTo(JapaneseText.nameKey("ネットワーク"));
        assertThat(JapaneseText.nameKey("ｾﾝﾀｰ")).isEqualTo("せんたー");
        assertThat(JapaneseText.nameKey("（ＮＰＯ）ライフ リンク")).isEqualTo(JapaneseText.nameKey("npoらいふりんく"));
    }

    @Test
    void no_text_gives_an_empty_search_key() {
        assertThat(JapaneseText.searchKey(null)).isEmpty();
        assertThat(JapaneseText.searchKey("　 ")).isEmpty();
    }

    @Test
    void a_reading_in_half_width_katakana_is_stored_in_full_width() {
        assertThat(JapaneseText.normalizeReading("ﾗｲﾌﾘﾝｸ")).isEqualTo("ライフリンク");
        assertThat(JapaneseText.normalizeReading("ｼﾞｻﾂﾀｲｻｸ")).isEqualTo("ジサツタイサク");
    }

    @Test
    void a_reading_is_trimmed_and_inner_spaces_collapse_to_one_ascii_space() {
        assertThat(JapaneseText.normalizeReading("　ジサツタイサク　　 シエンセンター ")).isEqualTo("ジサツタイサク シエンセンター");
        assertThat(JapaneseText.normalizeReading(null)).isEmpty();
    }

    @Test
    void katakana_readings_are_accepted_with_long_vowels_middle_dots_and_spaces() {
        assertThat(JapaneseText.isKatakanaReading("ライフリンク")).isTrue();
        assertThat(JapaneseText.isKatakanaReading("ﾗｲﾌﾘﾝｸ")).isTrue();
        assertThat(JapaneseText.isKatakanaReading("ニホンエヌピーオーセンター")).isTrue();
        assertThat(JapaneseText.isKatakanaReading("ジサツタイサク・シエンセンター")).isTrue();
        assertThat(JapaneseText.isKatakanaReading("ジサツタイサク　シエンセンター")).isTrue();
        assertThat(JapaneseText.isKatakanaReading("ヴィラ ヵヶ ヺ")).isTrue();
    }

    @Test
    void readings_with_anything_but_katakana_are_rejected() {
        assertThat(JapaneseText.isKatakanaReading("らいふりんく")).isFalse();
        assertThat(JapaneseText.isKatakanaReading("ライフ輪苦")).isFalse();
        assertThat(JapaneseText.isKatakanaReading("NPOセンター")).isFalse();
        assertThat(JapaneseText.isKatakanaReading("ダイ2センター")).isFalse();
        assertThat(JapaneseText.isKatakanaReading("ライフリンク！")).isFalse();
        assertThat(JapaneseText.isKatakanaReading("ライフ-リンク")).isFalse();
    }

    @Test
    void a_blank_reading_is_not_a_katakana_reading() {
        assertThat(JapaneseText.isKatakanaReading(null)).isFalse();
        assertThat(JapaneseText.isKatakanaReading("")).isFalse();
        assertThat(JapaneseText.isKatakanaReading("　 ")).isFalse();
    }

    @Test
    void voiced_kana_sort_among_their_unvoiced_kana() {
        assertThat(sorted("ガッコウ", "カゼ", "アオゾラ")).containsExactly("アオゾラ", "カゼ", "ガッコウ");
        assertThat(sorted("パン", "ハナ", "バス")).containsExactly("バス", "ハナ", "パン");
    }

    @Test
    void member_organizations_sort_in_gojuon_order_of_their_readings() {
        assertThat(sorted(
                "ライフリンク",
                "ゼンコクシャカイフクシキョウギカイ",
                "ニホンエヌピーオーセンター",
                "ヨリソイホットライン",
                "アナタノイバショ",
                "ニホンイノチノデンワレンメイ",
                "シンコウエキレンメイ",
                "セイカツコンキュウシャジリツシエンゼンコクネットワーク"))
                .containsExactly(
                        "アナタノイバショ",
                        "シンコウエキレンメイ",
                        "セイカツコンキュウシャジリツシエンゼンコクネットワーク",
                        "ゼンコクシャカイフクシキョウギカイ",
                        "ニホンイノチノデンワレンメイ",
                        "ニホンエヌピーオーセンター",
                        "ヨリソイホットライン",
                        "ライフリンク");
    }

    @Test
    void the_sort_key_folds_voicing_small_kana_and_ignores_long_vowels_dots_and_spaces() {
        assertThat(JapaneseText.gojuonSortKey("ガッコウ")).isEqualTo("かつこう");
        assertThat(JapaneseText.gojuonSortKey("キョウギカイ")).isEqualTo("きようきかい");
        assertThat(JapaneseText.gojuonSortKey("センター")).isEqualTo("せんた");
        assertThat(JapaneseText.gojuonSortKey("ジサツタイサク・シエン センター")).isEqualTo("しさつたいさくしえんせんた");
        assertThat(JapaneseText.gojuonSortKey("ｶﾞｯｺｳ")).isEqualTo(JapaneseText.gojuonSortKey("がっこう"));
        assertThat(JapaneseText.gojuonSortKey("ヴィ")).isEqualTo("うい");
        assertThat(JapaneseText.gojuonSortKey("ヷ")).isEqualTo("わ");
        assertThat(JapaneseText.gojuonSortKey(null)).isEmpty();
    }

    @Test
    void the_sort_key_puts_ん_after_わ_and_を() {
        assertThat(sorted("ンジャメナ", "ヲ", "ワカモノ", "ロウジン")).containsExactly("ロウジン", "ワカモノ", "ヲ", "ンジャメナ");
    }

    private static List<String> sorted(String... readings) {
        List<String> list = new ArrayList<>(List.of(readings));
        list.sort(Comparator.comparing(JapaneseText::gojuonSortKey));
        return list;
    }
}
