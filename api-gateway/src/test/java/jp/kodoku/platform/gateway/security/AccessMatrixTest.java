package jp.kodoku.platform.gateway.security;

import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static jp.kodoku.platform.gateway.security.AccessMatrixTest.Caller.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint × every kind of caller: allowed callers get a 2xx (each on fresh data, so that business rules never
 * hide the answer), everyone else 401 without a token or 403 with one.
 */
class AccessMatrixTest extends ApiTest {

    enum Caller { ANONYMOUS, SECRETARIAT, MEMBER_ADMIN, OTHER_MEMBER_ADMIN, CHAIR, NO_ROLE, THIRD_PARTY_APP }

    private static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);
    private static final Set<Caller> SECRETARIAT_ONLY = EnumSet.of(SECRETARIAT);
    private static final Set<Caller> ORGANIZATION = EnumSet.of(SECRETARIAT, MEMBER_ADMIN);

    /** An endpoint: how to call it against an organization made for this cell, and who may. */
    record Endpoint(String name, Set<Caller> allowed, BiFunction<Given, Api, Api.Call> call) {
    }

    /** Fresh data for one cell; the member admin is the admin of {@code organizationId}. */
    record Given(String organizationId, String etag, String contactId, String accessUrl) {
    }

    private Members members;
    private static Given shared;
    private static String otherOrganization;
    private static String[] app;

    @BeforeEach
    void steps() {
        members = new Members(api);
    }

    static List<Endpoint> endpoints() {
        List<Endpoint> e = new ArrayList<>();
        e.add(new Endpoint("GET directory", EVERYONE, (g, api) -> api.get("/api/v1/directory")));
        e.add(new Endpoint("GET directory entry", EVERYONE, (g, api) -> api.get("/api/v1/directory/" + g.organizationId())));
        e.add(new Endpoint("GET statistics", EVERYONE, (g, api) -> api.get("/api/v1/statistics/members?asOf=2022-12-01")));
        e.add(new Endpoint("POST application", EVERYONE, (g, api) -> api.post("/api/v1/applications").body(Samples.application())));
        e.add(new Endpoint("GET application by private link", EVERYONE, (g, api) -> api.get(g.accessUrl())));
        e.add(new Endpoint("GET organizations", SECRETARIAT_ONLY, (g, api) -> api.get("/api/v1/organizations")));
        e.add(new Endpoint("GET organization", ORGANIZATION, (g, api) -> api.get(org(g))));
        e.add(new Endpoint("GET history", ORGANIZATION, (g, api) -> api.get(org(g) + "/history")));
        e.add(new Endpoint("PATCH profile", ORGANIZATION, (g, api) -> api.patch(org(g) + "/profile")
                .header("If-Match", g.etag()).body(Map.of("publicDescription", "更新しました。"))));
        e.add(new Endpoint("POST contact", ORGANIZATION, (g, api) -> api.post(org(g) + "/contacts")
                .body(Map.of("name", "追加 太郎", "email", "taro@matrix.example.jp"))));
        e.add(new Endpoint("PUT contact", ORGANIZATION, (g, api) -> api.put(org(g) + "/contacts/" + g.contactId())
                .header("If-Match", g.etag()).body(Map.of("name", "変更 太郎", "email", "taro2@matrix.example.jp"))));
        e.add(new Endpoint("DELETE contact", ORGANIZATION, (g, api) -> api.delete(org(g) + "/contacts/" + g.contactId())));
        e.add(new Endpoint("PUT primary contact", ORGANIZATION, (g, api) -> api.put(org(g) + "/primary-contact")
                .body(Map.of("contactId", g.contactId()))));
        e.add(new Endpoint("POST erasure", SECRETARIAT_ONLY, (g, api) -> api.post(org(g) + "/contacts/" + g.contactId() + "/erasure")
                .body(Map.of("reason", "本人からの請求"))));
        e.add(new Endpoint("POST category change", SECRETARIAT_ONLY, (g, api) -> api.post(org(g) + "/category-change")
                .body(Map.of("category", "SUPPORTING", "reason", "申出", "effectiveDate", "2025-04-01"))));
        e.add(new Endpoint("POST steering term", SECRETARIAT_ONLY, (g, api) -> api.post(org(g) + "/steering-term")
                .body(Map.of("termStart", "2024-06-01"))));
        e.add(new Endpoint("POST suspension", SECRETARIAT_ONLY, (g, api) -> api.post(org(g) + "/suspension")
                .body(Map.of("reason", "確認中"))));
        e.add(new Endpoint("POST withdrawal", SECRETARIAT_ONLY, (g, api) -> api.post(org(g) + "/withdrawal")
                .body(Map.of("kind", "REQUESTED_BY_MEMBER", "reason", "活動終了", "effectiveDate", "2025-03-31"))));
        e.add(new Endpoint("GET admins", ORGANIZATION, (g, api) -> api.get(org(g) + "/admins")));
        e.add(new Endpoint("POST admin", ORGANIZATION, (g, api) -> api.post(org(g) + "/admins")
                .body(Map.of("name", "招待 三郎", "email", "saburo" + System.nanoTime() + "@matrix.example.jp"))));
        e.add(new Endpoint("GET api clients", SECRETARIAT_ONLY, (g, api) -> api.get("/api/v1/api-clients")));
        e.add(new Endpoint("POST api client", SECRETARIAT_ONLY, (g, api) -> api.post("/api/v1/api-clients")
                .body(Map.of("name", "行列テスト", "scopes", List.of("directory:read")))));
        e.add(new Endpoint("GET projections", SECRETARIAT_ONLY, (g, api) -> api.get("/api/v1/admin/projections")));
        return e;
    }

    /** Decisions on an application need an organization that is still applying. */
    static List<Endpoint> applicationEndpoints() {
        return List.of(
                new Endpoint("POST approval", SECRETARIAT_ONLY, (g, api) -> api.post(org(g) + "/approval")),
                new Endpoint("POST rejection", SECRETARIAT_ONLY, (g, api) -> api.post(org(g) + "/rejection")
                        .body(Map.of("reason", "対象外"))),
                new Endpoint("POST send-back", SECRETARIAT_ONLY, (g, api) -> api.post(org(g) + "/send-back")
                        .body(Map.of("comment", "ご確認ください"))));
    }

    @TestFactory
    Stream<DynamicTest> every_endpoint_for_every_caller() {
        Stream<DynamicTest> members = endpoints().stream().flatMap(endpoint -> cells(endpoint, false));
        Stream<DynamicTest> applications = applicationEndpoints().stream().flatMap(endpoint -> cells(endpoint, true));
        return Stream.concat(members, applications);
    }

    private Stream<DynamicTest> cells(Endpoint endpoint, boolean applying) {
        return EnumSet.allOf(Caller.class).stream().map(caller -> DynamicTest.dynamicTest(
                endpoint.name() + " as " + caller, () -> {
                    boolean allowed = endpoint.allowed().contains(caller);
                    // Refused calls are turned away before any data is touched; only allowed ones need fresh data.
                    Given given = !allowed && shared != null ? shared : applying ? applying() : member();
                    Api.Call call = endpoint.call().apply(given, api);
                    String token = token(caller, given.organizationId());
                    if (token != null) {
                        call.token(token);
                    }
                    Api.Response response = call.send();
                    if (allowed) {
                        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
                    } else {
                        assertThat(response.status()).as(response.toString()).isEqualTo(caller == ANONYMOUS ? 401 : 403);
                    }
                }));
    }

    /** An active member with a second (non-primary) contact; the ETag is its current version. */
    private Given member() {
        Members.Applied applied = members.apply(Samples.application());
        Api.Response approved = api.post("/api/v1/organizations/" + applied.id() + "/approval")
                                   .token(TestTokens.secretariat()).body(Map.of("joinedOn", "2024-04-01")).send();
        Api.Response contact = api.post("/api/v1/organizations/" + applied.id() + "/contacts")
                                  .token(TestTokens.secretariat())
                                  .body(Map.of("name", "連絡 次郎", "email", "jiro@matrix.example.jp")).send();
        assertThat(List.of(approved.status(), contact.status())).containsExactly(200, 201);
        awaitProjections();
        Given given = new Given(applied.id(), contact.etag(), contact.json().get("contactId").asText(), applied.accessUrl());
        if (shared == null) {
            shared = given;
        }
        return given;
    }

    private Given applying() {
        Members.Applied applied = members.apply(Samples.application());
        return new Given(applied.id(), "\"0\"", null, applied.accessUrl());
    }

    private String token(Caller caller, String organizationId) {
        return switch (caller) {
            case ANONYMOUS -> null;
            case SECRETARIAT -> TestTokens.secretariat();
            case MEMBER_ADMIN -> TestTokens.memberAdmin(organizationId);
            case OTHER_MEMBER_ADMIN -> TestTokens.memberAdmin(otherOrganization());
            case CHAIR -> TestTokens.chair();
            case NO_ROLE -> TestTokens.withoutRole();
            case THIRD_PARTY_APP -> appToken();
        };
    }

    /** A third-party app registered by the secretariat, with the directory scope. */
    private String appToken() {
        if (app == null) {
            Api.Response registered = api.post("/api/v1/api-clients").token(TestTokens.secretariat())
                                         .body(Map.of("name", "自治体ポータル（行列）", "scopes", List.of("directory:read"),
                                                 "ratePerMinute", 10000)).send();
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            app = new String[]{registered.json().get("clientId").asText(), registered.json().get("clientSecret").asText()};
        }
        return TestTokens.KEYCLOAK.clientToken(app[0], app[1]);
    }

    private String otherOrganization() {
        if (otherOrganization == null) {
            otherOrganization = members.activeMember(Samples.application());
        }
        return otherOrganization;
    }

    private static String org(Given given) {
        return "/api/v1/organizations/" + given.organizationId();
    }
}
