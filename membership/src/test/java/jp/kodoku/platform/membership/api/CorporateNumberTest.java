package jp.kodoku.platform.membership.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CorporateNumberTest {

    private static final String NATIONAL_TAX_AGENCY = "7000012050002";
    private static final String CABINET_OFFICE = "2000012010019";

    @Test
    void real_corporate_numbers_are_valid() {
        assertThat(CorporateNumber.isValid(NATIONAL_TAX_AGENCY)).as("国税庁").isTrue();
        assertThat(CorporateNumber.isValid(CABINET_OFFICE)).as("内閣府").isTrue();
    }

    @Test
    void changing_any_one_digit_makes_the_number_invalid_unless_it_swaps_0_and_9() {
        for (int position = 0; position < NATIONAL_TAX_AGENCY.length(); position++) {
            char original = NATIONAL_TAX_AGENCY.charAt(position);
            for (char replacement = '0'; replacement <= '9'; replacement++) {
                if (replacement == original) {
                    continue;
                }
                String mistyped = NATIONAL_TAX_AGENCY.substring(0, position) + replacement
                        + NATIONAL_TAX_AGENCY.substring(position + 1);
                // The weights 1 and 2 times 9 vanish mod 9, so the check digit cannot see a 0 typed as 9.
                boolean undetectable = position > 0 && Set.of(original, replacement).equals(Set.of('0', '9'));
                assertThat(CorporateNumber.isValid(mistyped)).as(mistyped).isEqualTo(undetectable);
            }
        }
    }

    @Test
    void changing_the_check_digit_makes_the_number_invalid() {
        for (char check = '0'; check <= '9'; check++) {
            if (check != '7') {
                assertThat(CorporateNumber.isValid(check + NATIONAL_TAX_AGENCY.substring(1))).isFalse();
            }
        }
    }

    @Test
    void numbers_of_the_wrong_length_are_invalid() {
        assertThat(CorporateNumber.isValid("700001205000")).isFalse();
        assertThat(CorporateNumber.isValid("70000120500020")).isFalse();
        assertThat(CorporateNumber.isValid("")).isFalse();
        assertThat(CorporateNumber.isValid(null)).isFalse();
    }

    @Test
    void full_width_digits_letters_and_separators_are_invalid() {
        assertThat(CorporateNumber.isValid("７００００１２０５０００２")).isFalse();
        assertThat(CorporateNumber.isValid("700001205000A")).isFalse();
        assertThat(CorporateNumber.isValid("7000-12050002")).isFalse();
        assertThat(CorporateNumber.isValid(" 700001205000")).isFalse();
    }

    @Test
    void the_check_digit_is_added_in_front_of_the_base() {
        assertThat(CorporateNumber.withCheckDigit("000012050002")).isEqualTo(NATIONAL_TAX_AGENCY);
        assertThat(CorporateNumber.withCheckDigit("000012010019")).isEqualTo(CABINET_OFFICE);
    }

    @Test
    void numbers_made_with_a_check_digit_are_valid() {
        for (long base = 100_000_000_000L; base < 100_000_000_000L + 200; base++) {
            String number = CorporateNumber.withCheckDigit(String.format("%012d", base));
            assertThat(CorporateNumber.isValid(number)).as(number).isTrue();
        }
        assertThat(CorporateNumber.withCheckDigit("000000000000")).isEqualTo("9000000000000");
    }

    @Test
    void a_base_that_is_not_twelve_ascii_digits_is_rejected() {
        assertThatThrownBy(() -> CorporateNumber.withCheckDigit("00001205000"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CorporateNumber.withCheckDigit("０００012050002"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CorporateNumber.withCheckDigit(null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
