package jp.kodoku.platform.newsletter.issue;

import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.newsletter.api.InvalidNewsletterInput;
import jp.kodoku.platform.newsletter.api.ItemContent;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The one place that says what a well-formed subject, section title, item and reason are (limits in docs/api.md). */
public final class IssueRules {

    /** A subject longer than this is cut off by mail clients and, encoded, exceeds what one header line should carry. */
    public static final int SUBJECT_MAX = 100;
    public static final int SECTION_TITLE_MAX = 50;
    public static final int SECTIONS_MAX = 12;
    public static final int ITEM_TITLE_MAX = 200;
    public static final int ITEM_BODY_MAX = 10_000;
    public static final int ITEMS_MAX = 100;
    public static final int LINK_MAX = 500;
    public static final int REASON_MAX = 1000;
    private static final Set<String> LINK_SCHEMES = Set.of("http", "https");

    private IssueRules() {
    }

    public static String subject(String subject) {
        return required("subject", subject, SUBJECT_MAX);
    }

    public static String sectionTitle(String title) {
        return required("title", title, SECTION_TITLE_MAX);
    }

    public static String reason(String reason) {
        return required("reason", reason, REASON_MAX);
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
        text(v, "content.title", title, ITEM_TITLE_MAX, true);
        text(v, "content.body", body, ITEM_BODY_MAX, true);
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

    private static String required(String field, String value, int max) {
        List<FieldViolation> v = new ArrayList<>();
        String stripped = strip(value);
        text(v, field, stripped, max, true);
        if (!v.isEmpty()) {
            throw new InvalidNewsletterInput(v);
        }
        return stripped;
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
