package jp.kodoku.platform.newsletter.issue;

import jp.kodoku.platform.newsletter.ItemContentRules;
import jp.kodoku.platform.newsletter.api.ItemContent;

/** The one place that says what a well-formed subject, section title, item and reason are (limits in docs/api.md). */
public final class IssueRules {

    /** A subject longer than this is cut off by mail clients and, encoded, exceeds what one header line should carry. */
    public static final int SUBJECT_MAX = 100;
    public static final int SECTION_TITLE_MAX = 50;
    public static final int SECTIONS_MAX = 12;
    public static final int ITEM_TITLE_MAX = ItemContentRules.TITLE_MAX;
    public static final int ITEM_BODY_MAX = ItemContentRules.BODY_MAX;
    public static final int ITEMS_MAX = 100;
    public static final int LINK_MAX = ItemContentRules.LINK_MAX;
    public static final int REASON_MAX = 1000;

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

    /** The content stripped, or every bad field at once (the same rules as an item proposed by a member). */
    public static ItemContent content(ItemContent content) {
        return ItemContentRules.content(content);
    }

    private static String required(String field, String value, int max) {
        return ItemContentRules.required(field, value, max);
    }
}
