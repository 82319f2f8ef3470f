package jp.kodoku.platform.membership.organization;

import jp.kodoku.platform.infra.text.EmailAddresses;
import jp.kodoku.platform.infra.text.JapaneseText;
import jp.kodoku.platform.membership.api.ContactDetails;
import jp.kodoku.platform.membership.api.CorporateNumber;
import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.membership.api.InvalidMembershipInput;
import jp.kodoku.platform.membership.api.OrganizationProfile;
import jp.kodoku.platform.membership.api.Prefecture;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What makes a profile or a contact well-formed. The limits are documented in the API (docs/api.md); every bad field
 * is reported at once, named by its JSON path.
 */
public final class ProfileRules {

    public static final int NAME_MAX = 100;
    public static final int KANA_MAX = 200;
    public static final int WEBSITE_MAX = 500;
    public static final int DESCRIPTION_MAX = 2000;
    public static final int EMAIL_MAX = 254;
    public static final int PHONE_MAX = 20;
    public static final int DEPARTMENT_MAX = 100;

    private static final Pattern PHONE = Pattern.compile("^[0-9+()\\- ]{6,20}$");
    private static final Pattern MARKUP = Pattern.compile("[<>]");

    private ProfileRules() {
    }

    /** Trims names and turns half-width katakana in the reading into full-width, so that stored data is uniform. */
    public static OrganizationProfile normalize(OrganizationProfile p) {
        if (p == null) {
            return null;
        }
        return new OrganizationProfile(trim(p.name()), p.nameKana() == null ? null : JapaneseText.normalizeReading(p.nameKana()),
                p.legalForm(), trim(p.corporateNumber()), p.bodyType(), p.nationwide(),
                p.nationwide() ? java.util.Set.of() : p.prefectureCodes(),
                p.fieldsOfActivity(), p.targetGroups(), p.consultationCapabilities(), trim(p.website()),
                p.publicDescription(), p.consentToPublish());
    }

    public static ContactDetails normalize(ContactDetails c) {
        if (c == null) {
            return null;
        }
        return new ContactDetails(trim(c.name()), trim(c.email()), trim(c.phone()), trim(c.department()));
    }

    public static void check(OrganizationProfile profile, String prefix) {
        List<FieldViolation> violations = violations(profile, prefix);
        if (!violations.isEmpty()) {
            throw new InvalidMembershipInput(violations);
        }
    }

    public static void check(ContactDetails contact, String prefix) {
        List<FieldViolation> violations = new ArrayList<>();
        contactViolations(contact, prefix, violations);
        if (!violations.isEmpty()) {
            throw new InvalidMembershipInput(violations);
        }
    }

    public static List<FieldViolation> violations(OrganizationProfile p, String prefix) {
        List<FieldViolation> v = new ArrayList<>();
        if (p == null) {
            v.add(new FieldViolation(prefix.isEmpty() ? "profile" : prefix.substring(0, prefix.length() - 1), "is required"));
            return v;
        }
        requiredText(v, prefix + "name", p.name(), NAME_MAX);
        noMarkup(v, prefix + "name", p.name());
        requiredText(v, prefix + "nameKana", p.nameKana(), KANA_MAX);
        if (p.nameKana() != null && !p.nameKana().isBlank() && !JapaneseText.isKatakanaReading(p.nameKana())) {
            v.add(new FieldViolation(prefix + "nameKana", "must be written in katakana (フリガナ)"));
        }
        if (p.legalForm() == null) {
            v.add(new FieldViolation(prefix + "legalForm", "is required"));
        }
        if (p.corporateNumber() == null || p.corporateNumber().isBlank()) {
            if (p.legalForm() != null && p.legalForm().requiresCorporateNumber()) {
                v.add(new FieldViolation(prefix + "corporateNumber", "is required for " + p.legalForm().label()));
            }
        } else if (!CorporateNumber.isValid(p.corporateNumber())) {
            v.add(new FieldViolation(prefix + "corporateNumber",
                    "must be a 13-digit corporate number (法人番号) with a valid check digit"));
        }
        if (p.bodyType() == null) {
            v.add(new FieldViolation(prefix + "bodyType", "is required"));
        }
        if (!p.nationwide() && p.prefectureCodes().isEmpty()) {
            v.add(new FieldViolation(prefix + "prefectureCodes", "name at least one prefecture, or set nationwide"));
        }
        for (String code : p.prefectureCodes()) {
            if (!Prefecture.isValidCode(code)) {
                v.add(new FieldViolation(prefix + "prefectureCodes",
                        "'" + code + "' is not a JIS X 0401 prefecture code (01–47)"));
            }
        }
        if (p.fieldsOfActivity().isEmpty()) {
            v.add(new FieldViolation(prefix + "fieldsOfActivity", "name at least one field of activity"));
        }
        if (p.website() != null && !p.website().isBlank()) {
            maxLength(v, prefix + "website", p.website(), WEBSITE_MAX);
            if (!isWebAddress(p.website())) {
                v.add(new FieldViolation(prefix + "website", "must be an http or https address"));
            }
        }
        maxLength(v, prefix + "publicDescription", p.publicDescription(), DESCRIPTION_MAX);
        return v;
    }

    public static List<FieldViolation> violations(ContactDetails c, String prefix) {
        List<FieldViolation> v = new ArrayList<>();
        contactViolations(c, prefix, v);
        return v;
    }

    private static void contactViolations(ContactDetails c, String prefix, List<FieldViolation> v) {
        if (c == null) {
            v.add(new FieldViolation(prefix.isEmpty() ? "contact" : prefix.substring(0, prefix.length() - 1), "is required"));
            return;
        }
        requiredText(v, prefix + "name", c.name(), NAME_MAX);
        noMarkup(v, prefix + "name", c.name());
        requiredText(v, prefix + "email", c.email(), EMAIL_MAX);
        if (c.email() != null && !c.email().isBlank() && !EmailAddresses.isValid(c.email())) {
            // as the account system and SMTP accept it: else approval would create no account, silently
            v.add(new FieldViolation(prefix + "email", "must be an e-mail address with an ASCII local part "
                    + "(letters, digits, . and !#$%&'*+/=?^_`{|}~-) and a domain such as example.jp"));
        }
        if (c.phone() != null && !c.phone().isBlank() && !PHONE.matcher(c.phone()).matches()) {
            v.add(new FieldViolation(prefix + "phone", "must be a phone number of 6–20 digits, +, -, ( or )"));
        }
        maxLength(v, prefix + "department", c.department(), DEPARTMENT_MAX);
        noMarkup(v, prefix + "department", c.department());
    }

    private static boolean isWebAddress(String value) {
        try {
            URI uri = URI.create(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void requiredText(List<FieldViolation> v, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            v.add(new FieldViolation(field, "is required"));
        } else {
            maxLength(v, field, value, max);
        }
    }

    private static void maxLength(List<FieldViolation> v, String field, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            v.add(new FieldViolation(field, "must be at most " + max + " characters"));
        }
    }

    /** Names are shown in many places (mail, pages, exports); markup in them is never legitimate. */
    private static void noMarkup(List<FieldViolation> v, String field, String value) {
        if (value != null && MARKUP.matcher(value).find()) {
            v.add(new FieldViolation(field, "must not contain < or >"));
        }
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }
}
