package jp.kodoku.platform.membership.api;

/**
 * 法人番号: the 13-digit number the National Tax Agency assigns to corporations and public bodies.
 *
 * <p>The first digit is a check digit over the other twelve, so most typing mistakes on the application form are
 * caught before anyone looks the number up. The mod-9 rule cannot tell 0 from 9, so that one slip goes through.
 */
public final class CorporateNumber {

    private static final int LENGTH = 13;
    private static final int BASE_LENGTH = 12;

    private CorporateNumber() {
    }

    /** Whether {@code number} is 13 ASCII digits whose first digit is the check digit of the rest. */
    public static boolean isValid(String number) {
        if (number == null || number.length() != LENGTH || !isAsciiDigits(number)) {
            return false;
        }
        return number.charAt(0) - '0' == checkDigit(number.substring(1));
    }

    /** The full 13-digit number for a 12-digit base; used to make demo and test data. */
    public static String withCheckDigit(String base12) {
        if (base12 == null || base12.length() != BASE_LENGTH || !isAsciiDigits(base12)) {
            throw new IllegalArgumentException("a corporate number base must be 12 ASCII digits: " + base12);
        }
        return checkDigit(base12) + base12;
    }

    // National Tax Agency rule: digits counted from the right, weight 1 for odd and 2 for even positions,
    // check = 9 - (sum mod 9).
    private static int checkDigit(String base12) {
        int sum = 0;
        for (int n = 1; n <= BASE_LENGTH; n++) {
            int digit = base12.charAt(BASE_LENGTH - n) - '0';
            sum += digit * (n % 2 == 1 ? 1 : 2);
        }
        return 9 - sum % 9;
    }

    // Character.isDigit would also accept full-width and other scripts' digits.
    private static boolean isAsciiDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
