package jp.kodoku.platform.newsletter.api;

/**
 * What an item says: a title, a body in the safe subset of Markdown (docs/api.md: paragraphs, line breaks, emphasis,
 * links, lists, quotes; raw HTML is shown as text), an optional link (http or https), and whether it is for members
 * only (left out of the public archive).
 */
public record ItemContent(String title, String body, String link, boolean membersOnly) {
}
