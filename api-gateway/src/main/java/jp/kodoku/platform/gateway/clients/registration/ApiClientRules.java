package jp.kodoku.platform.gateway.clients.registration;

import jp.kodoku.platform.gateway.clients.api.ApiClientRegistered;
import jp.kodoku.platform.gateway.clients.api.ApiScopes;
import jp.kodoku.platform.gateway.clients.api.InvalidApiClientInput;
import jp.kodoku.platform.gateway.clients.api.RegisterApiClient;
import jp.kodoku.platform.infra.errors.FieldViolation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** What a registration must look like, and its normal form. Pure: no I/O, so the aggregate can use it. */
public final class ApiClientRules {

    public static final int DEFAULT_RATE_PER_MINUTE = 120;
    static final int MAX_RATE_PER_MINUTE = 10_000;
    static final int MAX_ORIGINS = 20;
    private static final Pattern ORGANIZATION_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    /** Plain http only where nothing can listen in between: a developer's own machine. */
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private ApiClientRules() {
    }

    /** The event a valid registration records, or every problem with it at once. */
    public static ApiClientRegistered registration(RegisterApiClient command) {
        List<FieldViolation> violations = new ArrayList<>();
        String name = command.name() == null ? null : command.name().strip();
        if (name == null || name.isEmpty()) {
            violations.add(new FieldViolation("name", "is required"));
        } else if (name.length() > 100) {
            violations.add(new FieldViolation("name", "must be at most 100 characters"));
        } else if (name.contains("<") || name.contains(">")) {
            violations.add(new FieldViolation("name", "must not contain < or >"));
        }
        String organizationId = command.organizationId() == null || command.organizationId().isBlank()
                ? null : command.organizationId().strip();
        if (organizationId != null && !ORGANIZATION_ID.matcher(organizationId).matches()) {
            violations.add(new FieldViolation("organizationId", "is not an organization id"));
        }
        TreeSet<String> scopes = new TreeSet<>();
        if (command.scopes() == null || command.scopes().isEmpty()) {
            violations.add(new FieldViolation("scopes", "at least one of " + new TreeSet<>(ApiScopes.ALL) + " is required"));
        } else {
            for (int i = 0; i < command.scopes().size(); i++) {
                String scope = command.scopes().get(i);
                if (scope == null || !ApiScopes.ALL.contains(scope)) {
                    violations.add(new FieldViolation("scopes[" + i + "]", "'" + scope + "' is not a scope; one of "
                            + new TreeSet<>(ApiScopes.ALL)));
                } else {
                    scopes.add(scope);
                }
            }
        }
        TreeSet<String> origins = new TreeSet<>();
        List<String> given = command.allowedOrigins() == null ? List.of() : command.allowedOrigins();
        if (given.size() > MAX_ORIGINS) {
            violations.add(new FieldViolation("allowedOrigins", "at most " + MAX_ORIGINS + " origins"));
        } else {
            for (int i = 0; i < given.size(); i++) {
                String origin = normalizeOrigin(given.get(i));
                if (origin == null) {
                    violations.add(new FieldViolation("allowedOrigins[" + i + "]", "must be an origin like "
                            + "https://app.example.jp (https, or http on localhost; no path, no wildcard)"));
                } else {
                    origins.add(origin);
                }
            }
        }
        int rate = Objects.requireNonNullElse(command.ratePerMinute(), DEFAULT_RATE_PER_MINUTE);
        if (rate < 1 || rate > MAX_RATE_PER_MINUTE) {
            violations.add(new FieldViolation("ratePerMinute", "must be between 1 and " + MAX_RATE_PER_MINUTE));
        }
        if (!violations.isEmpty()) {
            throw new InvalidApiClientInput(violations);
        }
        return new ApiClientRegistered(command.clientId(), name, organizationId, List.copyOf(scopes),
                List.copyOf(origins), rate);
    }

    /**
     * An origin as a browser sends it ({@code scheme://host[:port]}, lower case, no default port), or null when the
     * text is not one. Wildcards are refused: each origin is a decision of the secretariat.
     */
    public static String normalizeOrigin(String text) {
        if (text == null || text.length() > 200 || text.contains("*")) {
            return null;
        }
        String candidate = text.strip();
        if (candidate.endsWith("/")) {
            candidate = candidate.substring(0, candidate.length() - 1);
        }
        try {
            URI uri = new URI(candidate);
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
            if (scheme == null || host == null || uri.getRawUserInfo() != null || !uri.getRawPath().isEmpty()
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return null;
            }
            boolean secure = scheme.equals("https");
            if (!secure && !(scheme.equals("http") && LOOPBACK.contains(host))) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (secure && port == 443) || (!secure && port == 80);
            return scheme + "://" + host + (defaultPort ? "" : ":" + port);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
