package jp.kodoku.platform.gateway.feedtokens;

import java.time.Instant;

/** A personal feed token as its owner lists it (the token itself is shown only once, when it is made). */
public record FeedToken(String id, String feed, String scope, String label, Instant createdAt, Instant revokedAt,
                        FeedOwner owner) {
}
