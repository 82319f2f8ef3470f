package jp.kodoku.platform.gateway.feedtokens;

import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.InvalidInput;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.infra.errors.RuleViolation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import jp.kodoku.platform.gateway.web.SecretLinks;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Personal feed tokens, in the table {@code feed_tokens}: 256 random bits, kept only as their SHA-256, each naming
 * whose view it serves ({@link FeedOwner}) and which feed ({@link FeedKind}). Every read of a feed looks its token up
 * in the database, so a revocation holds on every node from the moment it commits: no cache to go stale.
 */
@Component
public class FeedTokens {

    /** Enough for a phone, a laptop and a shared calendar per feed; beyond it is a leak or a script. */
    static final int ACTIVE_PER_OWNER = 20;
    static final int LABEL_MAX = 100;
    /** 32 bytes in unpadded base64url. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern SCOPE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final JdbcTemplate jdbc;
    private final Map<String, FeedKind> kinds;
    private final Clock clock;

    FeedTokens(JdbcTemplate jdbc, List<FeedKind> kinds) {
        this.jdbc = jdbc;
        this.kinds = kinds.stream().collect(Collectors.toUnmodifiableMap(FeedKind::name, Function.identity()));
        this.clock = Clock.systemUTC();
    }

    /** A token made: the row, and the secret (only now, never again) with the feed's path. */
    public record Issued(FeedToken token, String secret, String path) {
    }

    @Transactional
    public Issued issue(FeedOwner owner, String feed, String scope, String label) {
        List<FieldViolation> violations = new ArrayList<>();
        FeedKind kind = feed == null ? null : kinds.get(feed);
        if (kind == null) {
            violations.add(new FieldViolation("feed", "must be one of " + kinds.keySet().stream().sorted().toList()));
        }
        if (scope != null && !SCOPE.matcher(scope).matches()) {
            violations.add(new FieldViolation("scope", "must be an id of 1 to 64 letters, digits, '-' or '_'"));
        }
        if (label != null && (label.isBlank() || label.codePointCount(0, label.length()) > LABEL_MAX)) {
            violations.add(new FieldViolation("label", "must be 1 to " + LABEL_MAX + " characters, or absent"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        kind.checkMayIssue(owner, scope);
        Integer active = jdbc.queryForObject("SELECT COUNT(*) FROM feed_tokens WHERE owner = ? AND revoked_at IS NULL",
                Integer.class, owner.principal());
        if (active != null && active >= ACTIVE_PER_OWNER) {
            throw new RuleViolation("you have " + ACTIVE_PER_OWNER + " feed tokens already: revoke one you no longer use");
        }
        String secret = SecretLinks.newToken();
        FeedToken token = new FeedToken(UUID.randomUUID().toString(), feed, scope, label == null ? null : label.strip(),
                clock.instant(), null, owner);
        jdbc.update("INSERT INTO feed_tokens (id, token_hash, feed, scope, label, owner, owner_roles, organization_id, "
                        + "subcommittee_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                token.id(), SecretLinks.hash(secret), feed, scope, token.label(), owner.principal(),
                String.join(",", new java.util.TreeSet<>(owner.roles())), owner.organizationId(), owner.subcommitteeId(),
                Timestamp.from(token.createdAt()));
        return new Issued(token, secret, kind.path(secret));
    }

    /** The owner's tokens, revoked ones too (so that they can see what they revoked), newest first. */
    public List<FeedToken> listOf(String owner) {
        return jdbc.query("SELECT * FROM feed_tokens WHERE owner = ? ORDER BY created_at DESC, id", ROW, owner);
    }

    /**
     * Revokes a token: its owner's own, or any for the secretariat. Someone else's token is "not found", so that ids
     * cannot be probed. Revoking twice is no error.
     */
    @Transactional
    public FeedToken revoke(String id, FeedOwner by) {
        List<FeedToken> found = jdbc.query("SELECT * FROM feed_tokens WHERE id = ?", ROW, id);
        if (found.isEmpty() || !(found.get(0).owner().principal().equals(by.principal()) || by.isSecretariat())) {
            throw new NotFound("no such feed token");
        }
        jdbc.update("UPDATE feed_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()), id);
        return jdbc.query("SELECT * FROM feed_tokens WHERE id = ?", ROW, id).get(0);
    }

    /** The live token of this feed with this secret, if there is one: what a feed's endpoint serves. */
    public Optional<FeedToken> resolve(String secret, String feed) {
        if (secret == null || !TOKEN.matcher(secret).matches()) {
            return Optional.empty();
        }
        return jdbc.query("SELECT * FROM feed_tokens WHERE token_hash = ? AND feed = ? AND revoked_at IS NULL", ROW,
                SecretLinks.hash(secret), feed).stream().findFirst();
    }

    private static final RowMapper<FeedToken> ROW = (rs, i) -> {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        String roles = rs.getString("owner_roles");
        Set<String> ownerRoles = roles.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(roles.split(",")));
        return new FeedToken(rs.getString("id"), rs.getString("feed"), rs.getString("scope"), rs.getString("label"),
                rs.getTimestamp("created_at").toInstant(), revoked == null ? null : revoked.toInstant(),
                new FeedOwner(rs.getString("owner"), ownerRoles, rs.getString("organization_id"),
                        rs.getString("subcommittee_id")));
    };
}
