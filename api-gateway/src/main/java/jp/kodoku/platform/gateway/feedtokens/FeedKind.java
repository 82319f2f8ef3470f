package jp.kodoku.platform.gateway.feedtokens;

/**
 * A feed that personal tokens open, declared as a bean next to the controller that serves it (the calendar, a
 * subcommittee's meetings, the activity feed): {@link FeedTokens} issues tokens only for a kind some bean declares.
 */
public interface FeedKind {

    /** The name clients send when they ask for a token ({@code "calendar"}), at most 40 characters. */
    String name();

    /** The path that serves the feed to the token's holder, e.g. {@code "/api/v1/calendar/feeds/" + token + ".ics"}. */
    String path(String token);

    /**
     * Refuses (with {@link org.springframework.security.access.AccessDeniedException} or an
     * {@link jp.kodoku.platform.infra.errors.InvalidInput} naming {@code scope}) a token this owner may not have.
     *
     * @param scope what the feed is narrowed to (a subcommittee id), or null; the kind says whether it needs one
     */
    void checkMayIssue(FeedOwner owner, String scope);
}
