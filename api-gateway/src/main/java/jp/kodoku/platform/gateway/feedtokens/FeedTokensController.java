package jp.kodoku.platform.gateway.feedtokens;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.kodoku.platform.gateway.security.Access;
import jp.kodoku.platform.infra.errors.InvalidInput;
import jp.kodoku.platform.infra.errors.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Personal feed tokens: a signed-in member admin, chair or secretariat makes a token URL for a feed (a calendar app
 * subscribes to it as {@code webcal://}), lists its tokens and revokes them. The URL serves the maker's view without
 * a session until it is revoked.
 */
@RestController
@RequestMapping("/api/v1/feed-tokens")
@Tag(name = "Feed tokens", description = "Personal, revocable token URLs for calendar and activity feeds")
@SecurityRequirement(name = "bearer")
class FeedTokensController {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final FeedTokens tokens;

    FeedTokensController(FeedTokens tokens) {
        this.tokens = tokens;
    }

    record Request(@Schema(example = "calendar", description = "calendar, subcommittee-meetings, …") String feed,
                   @Schema(example = "bunkakai-3", description = "for subcommittee-meetings: the subcommittee") String scope,
                   @Schema(example = "職場のiPhone", description = "At most 100 characters, optional") String label) {
    }

    /** A token as listed; {@code url} and {@code webcalUrl} only in the answer that made it. */
    record TokenView(String id, String feed, String scope, String label, String owner, Instant createdAt,
                     Instant revokedAt, String url, String webcalUrl) {

        static TokenView of(FeedToken t) {
            return new TokenView(t.id(), t.feed(), t.scope(), t.label(), t.owner().principal(), t.createdAt(),
                    t.revokedAt(), null, null);
        }
    }

    @PostMapping
    @Operation(summary = "Make a personal feed token (member admins, chairs, the secretariat): the answer's url "
            + "(and webcalUrl) is shown once and serves your view of the feed without signing in, until revoked")
    ResponseEntity<TokenView> issue(@RequestBody Request body) {
        FeedOwner owner = requireMayHoldFeeds();
        FeedTokens.Issued issued = tokens.issue(owner, body.feed(), body.scope(), body.label());
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path(issued.path()).toUriString();
        String webcal = url.replaceFirst("^https?://", "webcal://");
        FeedToken t = issued.token();
        return ResponseEntity.created(URI.create("/api/v1/feed-tokens/" + t.id()))
                             .body(new TokenView(t.id(), t.feed(), t.scope(), t.label(), owner.principal(),
                                     t.createdAt(), null, url, webcal));
    }

    @GetMapping
    @Operation(summary = "Your feed tokens, revoked ones too, newest first (never the token itself); the secretariat "
            + "may give owner= to see someone's")
    List<TokenView> list(@RequestParam(required = false) String owner) {
        FeedOwner caller = requireMayHoldFeeds();
        if (owner != null && !owner.equals(caller.principal())) {
            Access.requireSecretariat();
            if (owner.isBlank() || owner.length() > 255) {
                throw new InvalidInput("owner", "must be a user name of at most 255 characters");
            }
        }
        return tokens.listOf(owner == null ? caller.principal() : owner).stream().map(TokenView::of).toList();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a feed token (your own; the secretariat any): its URL stops serving at once, on every node")
    TokenView revoke(@PathVariable String id) {
        FeedOwner caller = requireMayHoldFeeds();
        if (!ID.matcher(id).matches()) {
            throw new NotFound("no such feed token");
        }
        return TokenView.of(tokens.revoke(id, caller));
    }

    private static FeedOwner requireMayHoldFeeds() {
        FeedOwner owner = FeedOwner.current();
        if (owner.roles().isEmpty()) {
            throw new AccessDeniedException("feed tokens are for member admins, chairs and the secretariat");
        }
        return owner;
    }
}
