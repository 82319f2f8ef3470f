package jp.kodoku.platform.gateway.security;

import org.springframework.http.HttpMethod;

import java.util.List;

/**
 * Requests that need no token, declared by each module as a bean next to its controllers; {@link SecurityConfiguration}
 * lets through every one it finds, so adding a module never edits a central list. Every other request needs a valid
 * token; who may do what with it is checked in the controllers ({@link Access}).
 *
 * @param method   the one method let through, or null for every method
 * @param patterns Spring path patterns, e.g. {@code /api/v1/directory/**}
 */
public record PublicPaths(HttpMethod method, List<String> patterns) {

    public PublicPaths {
        patterns = List.copyOf(patterns);
    }

    public static PublicPaths get(String... patterns) {
        return new PublicPaths(HttpMethod.GET, List.of(patterns));
    }

    public static PublicPaths post(String... patterns) {
        return new PublicPaths(HttpMethod.POST, List.of(patterns));
    }

    public static PublicPaths put(String... patterns) {
        return new PublicPaths(HttpMethod.PUT, List.of(patterns));
    }

    public static PublicPaths anyMethod(String... patterns) {
        return new PublicPaths(null, List.of(patterns));
    }
}
