package jp.kodoku.platform.gateway.clients.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiScopesTest {

    @Test
    void reading_the_directory_or_the_statistics_needs_directory_read() {
        assertThat(ApiScopes.requiredFor("GET", "/api/v1/directory")).contains("directory:read");
        assertThat(ApiScopes.requiredFor("GET", "/api/v1/directory/abc")).contains("directory:read");
        assertThat(ApiScopes.requiredFor("GET", "/api/v1/statistics/members")).contains("directory:read");
    }

    @Test
    void events_and_feeds_need_their_own_scopes() {
        assertThat(ApiScopes.requiredFor("GET", "/api/v1/events/x")).contains("events:read");
        assertThat(ApiScopes.requiredFor("GET", "/api/v1/feed")).contains("feed:read");
    }

    @Test
    void the_events_feed_as_a_file_needs_the_same_scope_as_the_events() {
        assertThat(ApiScopes.requiredFor("GET", "/api/v1/events.ics")).contains("events:read");
        assertThat(ApiScopes.requiredFor("GET", "/api/v1/events")).contains("events:read");
    }

    @Test
    void a_path_that_only_starts_like_a_scoped_one_is_not_scoped() {
        assertThat(ApiScopes.requiredFor("GET", "/api/v1/directoryx")).isEmpty();
        assertThat(ApiScopes.requiredFor("GET", "/api/v1/organizations")).isEmpty();
    }

    @Test
    void writes_need_no_scope_because_roles_decide_them() {
        assertThat(ApiScopes.requiredFor("POST", "/api/v1/directory")).isEmpty();
    }
}
