package jp.kodoku.platform.newsletter.api;

/** Query: how many recipients the segment reaches now (shown before sending). Answered with a {@code Long}. */
public record CountRecipients(Segment segment) {
}
