package jp.kodoku.platform.newsletter.api;

/** Query: everyone the segment reaches now, in a stable order (members' contacts by organization, then the public). */
public record ListRecipients(Segment segment) {
}
