package jp.kodoku.platform.infra.text;

import java.net.IDN;
import java.util.regex.Pattern;

/**
 * E-mail addresses as the account system (Keycloak) and plain SMTP deliver them: a local part of ASCII "atoms"
 * separated by single dots (RFC 5321/5322 dot-atom; no quoted strings, no comments), at most 64 characters, since
 * SMTP without the SMTPUTF8 extension carries no other; a domain of at least two labels of letters, digits and
 * hyphens (an internationalized domain such as 例え.jp is accepted in its A-label form, xn--r8jz45g.jp, which is how
 * it travels), each 1–63 characters, not starting or ending with a hyphen, the last not all digits; 254 in all.
 */
public final class EmailAddresses {

    public static final int MAX = 254;
    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private EmailAddresses() {
    }

    public static boolean isValid(String address) {
        if (address == null || address.length() > MAX) {
            return false;
        }
        int at = address.lastIndexOf('@');
        if (at < 1 || at == address.length() - 1) {
            return false;
        }
        String local = address.substring(0, at);
        if (local.length() > 64 || !LOCAL.matcher(local).matches()) {
            return false;
        }
        String domain;
        try {
            domain = IDN.toASCII(address.substring(at + 1), IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2 || domain.length() > 253) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
    }
}
