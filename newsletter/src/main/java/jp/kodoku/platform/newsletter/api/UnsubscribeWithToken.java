package jp.kodoku.platform.newsletter.api;

/**
 * Command (anyone holding a mail's unsubscribe token, without signing in): the subscriber the token names leaves the
 * list. Answered with that subscription's id; a token the platform did not make is {@link SubscriptionLinkInvalid}.
 */
public record UnsubscribeWithToken(String token, UnsubscribeChannel how) {
}
