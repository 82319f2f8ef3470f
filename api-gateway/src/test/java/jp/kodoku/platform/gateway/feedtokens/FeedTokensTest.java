package jp.kodoku.platform.gateway.feedtokens;

import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Events;
import jp.kodoku.platform.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import static jp.kodoku.platform.gateway.support.Events.with;
import static jp.kodoku.platform.gateway.support.Events.workshop;
import static org.assertj.core.api.Assertions.assertThat;

/** Personal feed tokens through the HTTP API with real tokens: made, served without a session, listed, revoked. */
class FeedTokensTest extends ApiTest {

    private Api.Response issue(String bearer, Map<String, Object> body) {
        return api.post("/api/v1/feed-tokens").token(bearer).body(body).send();
    }

    private static String path(Api.Response issued) {
        return URI.create(issued.json().get("url").asText()).getPath();
    }

    @Test
    void a_member_admins_calendar_url_serves_the_members_view_without_a_session() {
        String assembly = new Events(api).published(with(workshop(30), "kind", "GENERAL_ASSEMBLY", "title", "令和8年度 総会"));
        awaitProjections();
        String admin = TestTokens.memberAdmin(UUID.randomUUID().toString());

        Api.Response issued = issue(admin, Map.of("feed", "calendar", "label", "職場のiPhone"));

        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        assertThat(issued.json().get("webcalUrl").asText()).startsWith("webcal://").endsWith(".ics");
        Api.Response feed = api.get(path(issued)).send();
        assertThat(feed.status()).as(feed.toString()).isEqualTo(200);
        assertThat(feed.header("Content-Type")).startsWith("text/calendar");
        assertThat(feed.text()).contains("UID:event-" + assembly + "@kodoku-platform");
        assertThat(api.get("/api/v1/events.ics").send().text()).doesNotContain("event-" + assembly);
    }

    @Test
    void a_revoked_token_serves_nothing_from_the_moment_it_is_revoked() {
        String admin = TestTokens.memberAdmin(UUID.randomUUID().toString());
        Api.Response issued = issue(admin, Map.of("feed", "calendar"));
        assertThat(api.get(path(issued)).send().status()).isEqualTo(200);

        Api.Response revoked = api.delete("/api/v1/feed-tokens/" + issued.json().get("id").asText()).token(admin).send();

        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.json().get("revokedAt").isNull()).isFalse();
        assertThat(api.get(path(issued)).send().status()).isEqualTo(404);
    }

    @Test
    void the_token_is_shown_once_and_stored_only_as_its_hash() {
        String admin = TestTokens.memberAdmin(UUID.randomUUID().toString());
        Api.Response issued = issue(admin, Map.of("feed", "calendar", "label", "自宅のPC"));
        String secret = path(issued).replaceAll("^.*/feeds/|\\.ics$", "");

        Api.Response listed = api.get("/api/v1/feed-tokens").token(admin).send();

        assertThat(listed.json().findValuesAsText("label")).containsExactly("自宅のPC");
        assertThat(listed.text()).doesNotContain(secret);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM feed_tokens WHERE token_hash = ? OR label = ?", Integer.class,
                secret, secret)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM feed_tokens WHERE token_hash = ?", Integer.class,
                jp.kodoku.platform.gateway.web.SecretLinks.hash(secret))).isEqualTo(1);
    }

    @Test
    void nobody_revokes_someone_elses_token_but_the_secretariat() {
        String owner = TestTokens.memberAdmin(UUID.randomUUID().toString());
        String other = TestTokens.memberAdmin(UUID.randomUUID().toString());
        Api.Response issued = issue(owner, Map.of("feed", "calendar"));
        String id = issued.json().get("id").asText();

        Api.Response byOther = api.delete("/api/v1/feed-tokens/" + id).token(other).send();
        assertThat(byOther.status()).isEqualTo(404);
        assertThat(api.get(path(issued)).send().status()).isEqualTo(200);

        Api.Response bySecretariat = api.delete("/api/v1/feed-tokens/" + id).token(TestTokens.secretariat()).send();
        assertThat(bySecretariat.status()).isEqualTo(200);
        assertThat(api.get(path(issued)).send().status()).isEqualTo(404);
    }

    @Test
    void a_made_up_token_is_not_found() {
        assertThat(api.get("/api/v1/calendar/feeds/" + "A".repeat(43) + ".ics").send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/calendar/feeds/short.ics").send().status()).isEqualTo(404);
    }

    @Test
    void a_signed_in_person_without_a_platform_role_holds_no_feed_token() {
        assertThat(issue(TestTokens.withoutRole(), Map.of("feed", "calendar")).status()).isEqualTo(403);
    }
}
