package jp.kodoku.platform.newsletter;

import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.newsletter.api.InvalidNewsletterInput;
import jp.kodoku.platform.newsletter.api.ItemContent;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a well-formed item is, wherever it is written: by the secretariat into an issue or by a member admin as a
 * proposal (limits in docs/api.md). Shared so that a proposal accepted as written always fits an issue.
 */
public final class ItemContentRules {

    public static final int TITLE_MAX = 200;
    public static final int BODY_MAX = 10_000;
    public static final int LINK_MAX = 500;
    private static final Set<String> LINK_SCHEMES = Set.of("http", "https");

    private ItemContentRules() {
    }

    /** The content stripped, or every bad field at once. */
    public static ItemContent content(ItemContent content) {
        if (content == null) {
            throw new InvalidNewsletterInput("content", "is required");
        }
        List<FieldViolation> v = new ArrayList<>();
        String title = strip(content.title());
        String body = strip(content.body());
        String link = strip(content.link());
        text(v, "content.title", title, TITLE_MAX, true);
        text(v, "content.body", body, BODY_MAX, true);
        if (link != null && link.isEmpty()) {
            link = null;
        }
        if (link != null) {
            String problem = linkProblem(link);
            if (problem != null) {
                v.add(new FieldViolation("content.link", problem));
            }
        }
        if (!v.isEmpty()) {
            throw new InvalidNewsletterInput(v);
        }
        return new ItemContent(title, body, link, content.membersOnly());
    }

    /** The text stripped, or the field named as missing or too long. */
    public static String required(String field, String value, int max) {
        List<FieldViolation> v = new ArrayList<>();
        String stripped = strip(value);
        text(v, field, stripped, max, true);
        if (!v.isEmpty()) {
            throw new InvalidNewsletterInput(v);
        }
        return stripped;
    }

    private static String linkProblem(String link) {
        if (link.length() > LINK_MAX) {
            return "must be at most " + LINK_MAX + " characters";
        }
        try {
            URI uri = new URI(link);
            if (uri.getScheme() == null || !LINK_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    || uri.getHost() == null) {
                return "must be an http or https address";
            }
            return null;
        } catch (URISyntaxException e) {
            return "must be an http or https address";
        }
    }

    private static void text(List<FieldViolation> v, String field, String value, int max, boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) {
                v.add(new FieldViolation(field, "is required"));
            }
        } else if (value.codePointCount(0, value.length()) > max) {
            v.add(new FieldViolation(field, "must be at most " + max + " characters"));
        }
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }
}
