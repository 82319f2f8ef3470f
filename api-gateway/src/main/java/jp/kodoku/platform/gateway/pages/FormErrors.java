package jp.kodoku.platform.gateway.pages;

import jp.kodoku.platform.gateway.web.JapaneseMessages;
import jp.kodoku.platform.infra.errors.FieldViolation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The errors of a submitted form, by field name, in the order the rules reported them: the error summary at the top
 * of the form links each to its field, and each field shows its own message (templates: fragments/forms.html).
 * A field reported by a rule under a nested name ("profile.name") is shown at the form's field of the last part.
 */
public record FormErrors(Map<String, String> byField) {

    public static final FormErrors NONE = new FormErrors(Map.of());

    public static FormErrors of(List<FieldViolation> violations) {
        return of(violations, Map.of());
    }

    /**
     * With nested parts a form shows under flat names: {@code Map.of("primaryContact.", "contact")} shows
     * "primaryContact.email" at the field "contactEmail".
     */
    public static FormErrors of(List<FieldViolation> violations, Map<String, String> flattened) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldViolation v : violations) {
            String field = v.field() == null ? "" : v.field().replaceAll("\\[\\d+]$", "");
            String flat = null;
            for (Map.Entry<String, String> prefix : flattened.entrySet()) {
                if (field.startsWith(prefix.getKey()) && field.length() > prefix.getKey().length()) {
                    String rest = field.substring(prefix.getKey().length());
                    flat = prefix.getValue() + Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
                }
            }
            field = flat != null ? flat : field.substring(field.lastIndexOf('.') + 1);
            // the domain states its rules in English for the API; the form says them in Japanese beside the field,
            // or as the API says them on a page the visitor switched to English
            String message = PageLanguage.english() ? english(v) : JapaneseMessages.field(v.field(), v.message());
            byField.merge(field, message, (a, b) -> a + (PageLanguage.english() ? "; " : "／") + b);
        }
        return new FormErrors(byField);
    }

    /** "nameKana: must be written in katakana": the rule as the API states it, after the field it is about. */
    private static String english(FieldViolation v) {
        String message = v.message() == null ? "" : v.message();
        return v.field() == null || v.field().isEmpty() ? message : v.field() + ": " + message;
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String of(String field) {
        return byField.get(field);
    }
}
