package jp.kodoku.platform.gateway.pages;

import org.springframework.http.HttpMethod;

import java.util.List;

/**
 * Pages anyone may open without signing in, declared by each module as a bean next to its page controllers (as
 * {@code PublicPaths} does for the API). Every other page sends an anonymous visitor to sign in.
 *
 * @param method   the one method let through, or null for every method
 * @param patterns Spring path patterns, e.g. {@code /directory/**}
 */
public record PublicPages(HttpMethod method, List<String> patterns) {

    public PublicPages {
        patterns = List.copyOf(patterns);
    }

    public static PublicPages get(String... patterns) {
        return new PublicPages(HttpMethod.GET, List.of(patterns));
    }

    public static PublicPages post(String... patterns) {
        return new PublicPages(HttpMethod.POST, List.of(patterns));
    }
}
