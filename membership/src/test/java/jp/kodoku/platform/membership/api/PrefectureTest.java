package jp.kodoku.platform.membership.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PrefectureTest {

    @Test
    void there_are_47_prefectures_with_codes_01_to_47_in_order() {
        Prefecture[] all = Prefecture.values();

        assertThat(all).hasSize(47);
        for (int i = 0; i < all.length; i++) {
            assertThat(all[i].code()).isEqualTo(String.format("%02d", i + 1));
        }
    }

    @Test
    void codes_and_names_follow_jis_x_0401() {
        assertThat(Prefecture.HOKKAIDO.code()).isEqualTo("01");
        assertThat(Prefecture.HOKKAIDO.label()).isEqualTo("北海道");
        assertThat(Prefecture.TOKYO.code()).isEqualTo("13");
        assertThat(Prefecture.TOKYO.label()).isEqualTo("東京都");
        assertThat(Prefecture.KYOTO.label()).isEqualTo("京都府");
        assertThat(Prefecture.OSAKA.code()).isEqualTo("27");
        assertThat(Prefecture.OKINAWA.code()).isEqualTo("47");
        assertThat(Prefecture.OKINAWA.label()).isEqualTo("沖縄県");
    }

    @Test
    void every_name_is_distinct_and_ends_with_its_suffix() {
        assertThat(Arrays.stream(Prefecture.values()).map(Prefecture::label).distinct()).hasSize(47);
        assertThat(Prefecture.values()).allSatisfy(p -> assertThat(p.label()).matches(".+[都道府県]"));
    }

    @Test
    void a_prefecture_is_found_by_its_code() {
        assertThat(Prefecture.ofCode("01")).contains(Prefecture.HOKKAIDO);
        assertThat(Prefecture.ofCode("13")).contains(Prefecture.TOKYO);
        assertThat(Prefecture.ofCode("47")).contains(Prefecture.OKINAWA);
        assertThat(Prefecture.values()).allSatisfy(p -> assertThat(Prefecture.ofCode(p.code())).contains(p));
    }

    @Test
    void codes_outside_01_to_47_or_not_two_ascii_digits_are_not_found() {
        assertThat(Prefecture.ofCode("00")).isEmpty();
        assertThat(Prefecture.ofCode("48")).isEmpty();
        assertThat(Prefecture.ofCode("99")).isEmpty();
        assertThat(Prefecture.ofCode("1")).isEmpty();
        assertThat(Prefecture.ofCode("013")).isEmpty();
        assertThat(Prefecture.ofCode("１３")).isEmpty();
        assertThat(Prefecture.ofCode("+1")).isEmpty();
        assertThat(Prefecture.ofCode(" 1")).isEmpty();
        assertThat(Prefecture.ofCode("")).isEmpty();
        assertThat(Prefecture.ofCode(null)).isEmpty();
    }

    @Test
    void a_code_is_valid_exactly_when_a_prefecture_has_it() {
        assertThat(Prefecture.isValidCode("27")).isTrue();
        assertThat(Prefecture.isValidCode("48")).isFalse();
        assertThat(Prefecture.isValidCode("東京都")).isFalse();
        assertThat(Prefecture.isValidCode(null)).isFalse();
    }
}
