package jp.kodoku.platform.gateway.security;

import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.ImportFiles;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.Subcommittees;
import jp.kodoku.platform.gateway.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

import static jp.kodoku.platform.gateway.security.AccessMatrixTest.Caller.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint × every kind of caller: allowed callers get a 2xx (each on fresh data, so that business rules never
 * hide the answer), everyone else 401 without a token or 403 with one. Rows are named by the mapping they call, and
 * an endpoint the application serves without a row here fails the suite ({@link AccessMatrixRowsTest}).
 *
 * <p>The rows are checked by one class per module (e.g. {@link MembershipAccessMatrixTest}): the whole matrix takes
 * minutes, and as one class it kept one test fork busy while the other had run out of classes.
 */
abstract class AccessMatrixTest extends ApiTest {

    /**
     * CHAIR is the demo chair of 分科会3, which no test subcommittee is: for subcommittee rows, the chair of another
     * subcommittee. SUBCOMMITTEE_CHAIR chairs the row's own subcommittee (appointed through the API, so its token
     * carries the claim Keycloak was given). OTHER_MEMBER_ADMIN's organization is a member of no test subcommittee.
     */
    enum Caller { ANONYMOUS, SECRETARIAT, MEMBER_ADMIN, OTHER_MEMBER_ADMIN, CHAIR, NO_ROLE, THIRD_PARTY_APP,
        SUBCOMMITTEE_CHAIR }

    private static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);
    private static final Set<Caller> SECRETARIAT_ONLY = EnumSet.of(SECRETARIAT);
    private static final Set<Caller> ORGANIZATION = EnumSet.of(SECRETARIAT, MEMBER_ADMIN);
    private static final Set<Caller> MEMBER_ADMINS_AND_SECRETARIAT = EnumSet.of(SECRETARIAT, MEMBER_ADMIN, OTHER_MEMBER_ADMIN);

    /**
     * An endpoint: its mapping as Spring MVC serves it ("METHOD pattern"), who may call it, the fresh data an allowed
     * call needs (an active member unless said otherwise), and how to call it against that data.
     */
    record Endpoint(String name, Set<Caller> allowed, Function<AccessMatrixTest, Given> data,
                    BiFunction<Given, Api, Api.Call> call) {

        Endpoint(String name, Set<Caller> allowed, BiFunction<Given, Api, Api.Call> call) {
            this(name, allowed, AccessMatrixTest::member, call);
        }
    }

    /**
     * Fresh data for one cell; the member admin is the admin of {@code organizationId}. {@code other} is what some
     * rows need besides: an invited admin's account, an API client's id.
     */
    record Given(String organizationId, String etag, String contactId, String accessUrl, String other,
                 String subcommittee) {

        Given(String organizationId, String etag, String contactId, String accessUrl) {
            this(organizationId, etag, contactId, accessUrl, null, null);
        }

        Given(String organizationId, String etag, String contactId, String accessUrl, String other) {
            this(organizationId, etag, contactId, accessUrl, other, null);
        }

        Given with(String other) {
            return new Given(organizationId, etag, contactId, accessUrl, other, subcommittee);
        }

        Given inSubcommittee(String subcommittee) {
            return new Given(organizationId, etag, contactId, accessUrl, other, subcommittee);
        }
    }

    @Autowired
    private jp.kodoku.platform.infra.personaldata.PersonalDataVault vault;

    private Members members;
    private static Given shared;
    private static String otherOrganization;
    private static String[] app;

    @BeforeEach
    void steps() {
        members = new Members(api);
    }

    static List<Endpoint> membershipEndpoints() {
        List<Endpoint> e = new ArrayList<>();
        e.add(new Endpoint("GET /api/v1/directory", EVERYONE, (g, api) -> api.get("/api/v1/directory")));
        e.add(new Endpoint("GET /api/v1/directory/{organizationId}", EVERYONE, (g, api) -> api.get("/api/v1/directory/" + g.organizationId())));
        e.add(new Endpoint("GET /api/v1/statistics/members", EVERYONE, (g, api) -> api.get("/api/v1/statistics/members?asOf=2022-12-01")));
        e.add(new Endpoint("POST /api/v1/applications", EVERYONE, (g, api) -> api.post("/api/v1/applications").body(Samples.application())));
        e.add(new Endpoint("GET /api/v1/applications/access/{token}", EVERYONE, (g, api) -> api.get(g.accessUrl())));
        e.add(new Endpoint("GET /api/v1/organizations", SECRETARIAT_ONLY, (g, api) -> api.get("/api/v1/organizations")));
        e.add(new Endpoint("GET /api/v1/organizations.csv", SECRETARIAT_ONLY, (g, api) -> api.get("/api/v1/organizations.csv?status=ACTIVE")));
        e.add(new Endpoint("GET /api/v1/statistics/members.csv", EVERYONE, (g, api) -> api.get("/api/v1/statistics/members.csv?asOf=2022-12-01")));
        e.add(new Endpoint("GET /api/v1/organizations/{id}", ORGANIZATION, (g, api) -> api.get(org(g))));
        e.add(new Endpoint("GET /api/v1/organizations/{id}/history", ORGANIZATION, (g, api) -> api.get(org(g) + "/history")));
        e.add(new Endpoint("PATCH /api/v1/organizations/{id}/profile", ORGANIZATION, (g, api) -> api.patch(org(g) + "/profile")
                .header("If-Match", g.etag()).body(Map.of("publicDescription", "更新しました。"))));
        e.add(new Endpoint("POST /api/v1/organizations/{id}/contacts", ORGANIZATION, (g, api) -> api.post(org(g) + "/contacts")
                .body(Map.of("name", "追加 太郎", "email", "taro@matrix.example.jp"))));
        e.add(new Endpoint("PUT /api/v1/organizations/{id}/contacts/{contactId}", ORGANIZATION, (g, api) -> api.put(org(g) + "/contacts/" + g.contactId())
                .header("If-Match", g.etag()).body(Map.of("name", "変更 太郎", "email", "taro2@matrix.example.jp"))));
        e.add(new Endpoint("DELETE /api/v1/organizations/{id}/contacts/{contactId}", ORGANIZATION, (g, api) -> api.delete(org(g) + "/contacts/" + g.contactId())));
        e.add(new Endpoint("PUT /api/v1/organizations/{id}/primary-contact", ORGANIZATION, (g, api) -> api.put(org(g) + "/primary-contact")
                .body(Map.of("contactId", g.contactId()))));
        e.add(new Endpoint("POST /api/v1/organizations/{id}/contacts/{contactId}/erasure", SECRETARIAT_ONLY, (g, api) -> api.post(org(g) + "/contacts/" + g.contactId() + "/erasure")
                .body(Map.of("reason", "本人からの請求"))));
        e.add(new Endpoint("POST /api/v1/organizations/{id}/category-change", SECRETARIAT_ONLY, (g, api) -> api.post(org(g) + "/category-change")
                .body(Map.of("category", "SUPPORTING", "reason", "申出", "effectiveDate", "2025-04-01"))));
        e.add(new Endpoint("POST /api/v1/organizations/{id}/steering-term", SECRETARIAT_ONLY, (g, api) -> api.post(org(g) + "/steering-term")
                .body(Map.of("termStart", "2024-06-01"))));
        e.add(new Endpoint("POST /api/v1/organizations/{id}/suspension", SECRETARIAT_ONLY, (g, api) -> api.post(org(g) + "/suspension")
                .body(Map.of("reason", "確認中"))));
        e.add(new Endpoint("POST /api/v1/organizations/{id}/withdrawal", SECRETARIAT_ONLY, (g, api) -> api.post(org(g) + "/withdrawal")
                .body(Map.of("kind", "REQUESTED_BY_MEMBER", "reason", "活動終了", "effectiveDate", "2025-03-31"))));
        e.add(new Endpoint("GET /api/v1/organizations/{id}/admins", ORGANIZATION, (g, api) -> api.get(org(g) + "/admins")));
        e.add(new Endpoint("POST /api/v1/organizations/{id}/admins", ORGANIZATION, (g, api) -> api.post(org(g) + "/admins")
                .body(Map.of("name", "招待 三郎", "email", "saburo" + System.nanoTime() + "@matrix.example.jp"))));
        e.add(new Endpoint("GET /api/v1/api-clients", SECRETARIAT_ONLY, (g, api) -> api.get("/api/v1/api-clients")));
        e.add(new Endpoint("POST /api/v1/api-clients", SECRETARIAT_ONLY, (g, api) -> api.post("/api/v1/api-clients")
                .body(Map.of("name", "行列テスト", "scopes", List.of("directory:read")))));
        e.add(new Endpoint("GET /api/v1/admin/projections", SECRETARIAT_ONLY, (g, api) -> api.get("/api/v1/admin/projections")));
        e.add(new Endpoint("POST /api/v1/admin/projections/{name}/rebuild", SECRETARIAT_ONLY,
                (g, api) -> api.post("/api/v1/admin/projections/statistics/rebuild")));
        e.add(new Endpoint("PUT /api/v1/applications/access/{token}", EVERYONE, AccessMatrixTest::sentBack,
                (g, api) -> api.put(g.accessUrl()).body(resubmission())));
        e.add(new Endpoint("POST /api/v1/organizations/{id}/steering-term/end", SECRETARIAT_ONLY, AccessMatrixTest::steering,
                (g, api) -> api.post(org(g) + "/steering-term/end").body(Map.of("endedOn", "2025-03-31"))));
        e.add(new Endpoint("POST /api/v1/organizations/{id}/reinstatement", SECRETARIAT_ONLY, AccessMatrixTest::suspended,
                (g, api) -> api.post(org(g) + "/reinstatement").body(Map.of("reason", "確認できました"))));
        e.add(new Endpoint("DELETE /api/v1/organizations/{id}/admins/{userId}", ORGANIZATION, AccessMatrixTest::twoInvited,
                (g, api) -> api.delete(org(g) + "/admins/" + g.other())));
        e.add(new Endpoint("GET /api/v1/api-clients/{clientId}", SECRETARIAT_ONLY, AccessMatrixTest::apiClient,
                (g, api) -> api.get("/api/v1/api-clients/" + g.other())));
        e.add(new Endpoint("POST /api/v1/api-clients/{clientId}/secret", SECRETARIAT_ONLY, AccessMatrixTest::apiClient,
                (g, api) -> api.post("/api/v1/api-clients/" + g.other() + "/secret")));
        e.add(new Endpoint("DELETE /api/v1/api-clients/{clientId}", SECRETARIAT_ONLY, AccessMatrixTest::apiClient,
                (g, api) -> api.delete("/api/v1/api-clients/" + g.other())));
        e.add(new Endpoint("POST /api/v1/organization-imports/dry-run", SECRETARIAT_ONLY, (g, api) -> api
                .post("/api/v1/organization-imports/dry-run").bytes(ImportFiles.excelUtf8(ImportFiles.newRow()), "text/csv")));
        e.add(new Endpoint("POST /api/v1/organization-imports", SECRETARIAT_ONLY, (g, api) -> api
                .post("/api/v1/organization-imports").bytes(ImportFiles.excelUtf8(ImportFiles.newRow()), "text/csv")));
        // moderated profile changes (the setting is switched on only while a proposal is made, see proposing())
        e.add(new Endpoint("GET /api/v1/settings/profile-moderation", MEMBER_ADMINS_AND_SECRETARIAT,
                (g, api) -> api.get("/api/v1/settings/profile-moderation")));
        e.add(new Endpoint("PUT /api/v1/settings/profile-moderation", SECRETARIAT_ONLY,
                (g, api) -> api.put("/api/v1/settings/profile-moderation").body(Map.of("enabled", false))));
        e.add(new Endpoint("GET /api/v1/profile-proposals", SECRETARIAT_ONLY, (g, api) -> api.get("/api/v1/profile-proposals")));
        e.add(new Endpoint("GET /api/v1/organizations/{id}/profile-proposals", ORGANIZATION,
                (g, api) -> api.get(org(g) + "/profile-proposals")));
        e.add(new Endpoint("POST /api/v1/organizations/{id}/profile-proposals/{proposalId}/approval", SECRETARIAT_ONLY,
                AccessMatrixTest::proposing, (g, api) -> api.post(org(g) + "/profile-proposals/" + g.other() + "/approval")));
        e.add(new Endpoint("POST /api/v1/organizations/{id}/profile-proposals/{proposalId}/rejection", SECRETARIAT_ONLY,
                AccessMatrixTest::proposing, (g, api) -> api.post(org(g) + "/profile-proposals/" + g.other() + "/rejection")
                .body(Map.of("reason", "確認できません"))));
        return e;
    }

    // ---- subcommittees (分科会) -------------------------------------------------------------------------------------

    private static final Set<Caller> RUNS_IT = EnumSet.of(SECRETARIAT, SUBCOMMITTEE_CHAIR);
    private static final Set<Caller> INSIDERS = EnumSet.of(SECRETARIAT, SUBCOMMITTEE_CHAIR, MEMBER_ADMIN);

    static List<Endpoint> subcommitteeEndpoints() {
        List<Endpoint> e = new ArrayList<>();
        e.add(new Endpoint("GET /api/v1/subcommittees", EVERYONE, AccessMatrixTest::ledSubcommittee,
                (g, api) -> api.get("/api/v1/subcommittees")));
        e.add(new Endpoint("GET /api/v1/subcommittees/{subcommitteeId}", EVERYONE, AccessMatrixTest::ledSubcommittee,
                (g, api) -> api.get(sub(g))));
        e.add(new Endpoint("GET /api/v1/subcommittees/{subcommitteeId}/members", INSIDERS, AccessMatrixTest::ledSubcommittee,
                (g, api) -> api.get(sub(g) + "/members")));
        e.add(new Endpoint("GET /api/v1/organizations/{organizationId}/subcommittees", ORGANIZATION, AccessMatrixTest::ledSubcommittee,
                (g, api) -> api.get(org(g) + "/subcommittees")));
        e.add(new Endpoint("POST /api/v1/subcommittees", SECRETARIAT_ONLY, AccessMatrixTest::member,
                (g, api) -> api.post("/api/v1/subcommittees").body(Map.of("number", Subcommittees.nextNumber(),
                        "title", "行列テスト分科会", "leadOrganizationIds", List.of(g.organizationId())))));
        e.add(new Endpoint("PUT /api/v1/subcommittees/{subcommitteeId}/lead-organizations", SECRETARIAT_ONLY, AccessMatrixTest::outsider,
                (g, api) -> api.put(sub(g) + "/lead-organizations").body(Map.of("organizationIds", List.of(String.valueOf(g.other()), g.organizationId())))));
        e.add(new Endpoint("POST /api/v1/subcommittees/{subcommitteeId}/closure", SECRETARIAT_ONLY, AccessMatrixTest::ledSubcommittee,
                (g, api) -> api.post(sub(g) + "/closure").body(Map.of("reason", "行列テスト"))));
        e.add(new Endpoint("POST /api/v1/subcommittees/{subcommitteeId}/chairs", SECRETARIAT_ONLY, AccessMatrixTest::chairToBe,
                (g, api) -> api.post(sub(g) + "/chairs").body(Map.of("userId", String.valueOf(g.other())))));
        e.add(new Endpoint("POST /api/v1/subcommittees/{subcommitteeId}/chairs/{userId}/end", SECRETARIAT_ONLY, AccessMatrixTest::chaired,
                (g, api) -> api.post(sub(g) + "/chairs/" + g.other() + "/end").body(Map.of("reason", "任期満了"))));
        e.add(new Endpoint("POST /api/v1/subcommittees/{subcommitteeId}/members", RUNS_IT, AccessMatrixTest::outsider,
                (g, api) -> api.post(sub(g) + "/members").body(Map.of("organizationId", g.organizationId()))));
        e.add(new Endpoint("POST /api/v1/subcommittees/{subcommitteeId}/members/{organizationId}/removal", RUNS_IT, AccessMatrixTest::joined,
                (g, api) -> api.post(sub(g) + "/members/" + g.organizationId() + "/removal").body(Map.of("reason", "本人の申出"))));
        e.add(new Endpoint("POST /api/v1/subcommittees/{subcommitteeId}/membership-requests", ORGANIZATION, AccessMatrixTest::outsider,
                (g, api) -> api.post(sub(g) + "/membership-requests").body(Map.of("organizationId", g.organizationId()))));
        e.add(new Endpoint("POST /api/v1/subcommittees/{subcommitteeId}/membership-requests/{organizationId}/approval", RUNS_IT, AccessMatrixTest::asking,
                (g, api) -> api.post(sub(g) + "/membership-requests/" + g.organizationId() + "/approval")));
        e.add(new Endpoint("POST /api/v1/subcommittees/{subcommitteeId}/membership-requests/{organizationId}/decline", RUNS_IT, AccessMatrixTest::asking,
                (g, api) -> api.post(sub(g) + "/membership-requests/" + g.organizationId() + "/decline").body(Map.of("reason", "今期は定員です"))));
        e.add(new Endpoint("GET /api/v1/subcommittees/{subcommitteeId}/meetings", INSIDERS, AccessMatrixTest::ledSubcommittee,
                (g, api) -> api.get(sub(g) + "/meetings")));
        e.add(new Endpoint("GET /api/v1/subcommittees/{subcommitteeId}/polls", INSIDERS, AccessMatrixTest::ledSubcommittee,
                (g, api) -> api.get(sub(g) + "/polls")));
        e.add(new Endpoint("POST /api/v1/subcommittees/{subcommitteeId}/polls", RUNS_IT, AccessMatrixTest::ledSubcommittee,
                (g, api) -> api.post(sub(g) + "/polls").body(newPoll())));
        e.add(new Endpoint("GET /api/v1/subcommittees/{subcommitteeId}/polls/{pollId}", INSIDERS, AccessMatrixTest::poll,
                (g, api) -> api.get(poll(g))));
        e.add(new Endpoint("POST /api/v1/subcommittees/{subcommitteeId}/polls/{pollId}/slots", RUNS_IT, AccessMatrixTest::poll,
                (g, api) -> api.post(poll(g) + "/slots").body(Map.of("date", LocalDate.now().plusDays(40).toString()))));
        e.add(new Endpoint("PUT /api/v1/subcommittees/{subcommitteeId}/polls/{pollId}/slots/{slotId}", RUNS_IT, AccessMatrixTest::poll,
                (g, api) -> api.put(poll(g) + "/slots/" + slot(g)).body(Map.of("date", LocalDate.now().plusDays(41).toString()))));
        e.add(new Endpoint("DELETE /api/v1/subcommittees/{subcommitteeId}/polls/{pollId}/slots/{slotId}", RUNS_IT, AccessMatrixTest::poll,
                (g, api) -> api.delete(poll(g) + "/slots/" + slot(g))));
        e.add(new Endpoint("POST /api/v1/subcommittees/{subcommitteeId}/polls/{pollId}/confirmation", RUNS_IT, AccessMatrixTest::poll,
                (g, api) -> api.post(poll(g) + "/confirmation").body(Map.of("slotId", slot(g)))));
        e.add(new Endpoint("PUT /api/v1/subcommittees/{subcommitteeId}/polls/{pollId}/answers/{organizationId}", ORGANIZATION, AccessMatrixTest::poll,
                (g, api) -> api.put(poll(g) + "/answers/" + g.organizationId())
                               .body(Map.of("answers", Map.of(slot(g), Map.of("choice", "YES", "comment", "参加できます"))))));
        // meetings: each allowed cell on a meeting of its own (a confirmed poll schedules it)
        e.add(new Endpoint("POST /api/v1/subcommittees/{subcommitteeId}/meetings/{meetingId}/rescheduling", RUNS_IT,
                AccessMatrixTest::meeting, (g, api) -> api.post(meeting(g) + "/rescheduling").body(Map.of(
                        "date", LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).plusDays(21).toString(),
                        "start", "10:00", "end", "12:00", "reason", "会場の都合により"))));
        e.add(new Endpoint("POST /api/v1/subcommittees/{subcommitteeId}/meetings/{meetingId}/cancellation", RUNS_IT,
                AccessMatrixTest::meeting, (g, api) -> api.post(meeting(g) + "/cancellation")
                                                          .body(Map.of("reason", "台風の接近のため"))));
        e.add(new Endpoint("PUT /api/v1/subcommittees/{subcommitteeId}/meetings/{meetingId}/place", RUNS_IT,
                AccessMatrixTest::meeting, (g, api) -> api.put(meeting(g) + "/place")
                        .body(Map.of("venue", "東京都千代田区霞が関1-2-2 会議室A", "onlineUrl", "https://meet.example.jp/matrix"))));
        return e;
    }

    // ---- a meeting's agenda, attendance and minutes; deliverables; the decision trail (issue 11) ------------------

    private static final byte[] PDF = "%PDF-1.7\n行列テスト資料\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final String PDF_SHA256 = jp.kodoku.platform.infra.files.Attachments.sha256(PDF);

    static List<Endpoint> meetingRecordEndpoints() {
        List<Endpoint> e = new ArrayList<>();
        String m = "/api/v1/subcommittees/{subcommitteeId}/meetings/{meetingId}";
        String d = "/api/v1/subcommittees/{subcommitteeId}/deliverables";
        e.add(new Endpoint("GET " + m, INSIDERS, AccessMatrixTest::meeting, (g, api) -> api.get(meeting(g))));
        e.add(new Endpoint("PUT " + m + "/visibility", RUNS_IT, AccessMatrixTest::meeting,
                (g, api) -> api.put(meeting(g) + "/visibility").body(Map.of("publicMeeting", true))));
        e.add(new Endpoint("PUT " + m + "/attendance", RUNS_IT, AccessMatrixTest::todaysMeeting,
                (g, api) -> api.put(meeting(g) + "/attendance")
                               .body(Map.of("attendance", List.of(Map.of("organizationId", g.organizationId(), "people", 2))))));
        e.add(new Endpoint("POST " + m + "/agenda", RUNS_IT, AccessMatrixTest::meeting,
                (g, api) -> api.post(meeting(g) + "/agenda").body(Map.of("title", "行列テストの議題"))));
        e.add(new Endpoint("PUT " + m + "/agenda/{itemId}", RUNS_IT, AccessMatrixTest::agendaItem,
                (g, api) -> api.put(item(g)).body(Map.of("title", "議題（修正）"))));
        e.add(new Endpoint("DELETE " + m + "/agenda/{itemId}", RUNS_IT, AccessMatrixTest::agendaItem,
                (g, api) -> api.delete(item(g))));
        e.add(new Endpoint("PUT " + m + "/agenda-order", RUNS_IT, AccessMatrixTest::agendaItem,
                (g, api) -> api.put(meeting(g) + "/agenda-order").body(Map.of("itemIds", List.of(part(g, 1))))));
        e.add(new Endpoint("POST " + m + "/agenda/{itemId}/files", RUNS_IT, AccessMatrixTest::agendaItem,
                (g, api) -> api.post(item(g) + "/files").file("行列テスト資料.pdf", "application/pdf", PDF)));
        e.add(new Endpoint("DELETE " + m + "/agenda/{itemId}/files/{sha256}", RUNS_IT, AccessMatrixTest::agendaFile,
                (g, api) -> api.delete(item(g) + "/files/" + PDF_SHA256)));
        e.add(new Endpoint("GET " + m + "/agenda/{itemId}/files/{sha256}", INSIDERS, AccessMatrixTest::agendaFile,
                (g, api) -> api.get(item(g) + "/files/" + PDF_SHA256)));
        e.add(new Endpoint("GET " + m + "/minutes", INSIDERS, AccessMatrixTest::membersMinutes,
                (g, api) -> api.get(meeting(g) + "/minutes")));
        e.add(new Endpoint("PUT " + m + "/minutes", RUNS_IT, AccessMatrixTest::meeting,
                (g, api) -> api.put(meeting(g) + "/minutes").body(Map.of("text", "行列テスト 議事録"))));
        e.add(new Endpoint("GET " + m + "/minutes/revisions", RUNS_IT, AccessMatrixTest::draftMinutes,
                (g, api) -> api.get(meeting(g) + "/minutes/revisions")));
        e.add(new Endpoint("GET " + m + "/minutes/revisions/{revision}", RUNS_IT, AccessMatrixTest::draftMinutes,
                (g, api) -> api.get(meeting(g) + "/minutes/revisions/1")));
        e.add(new Endpoint("GET " + m + "/minutes/comparison", RUNS_IT, AccessMatrixTest::draftMinutes,
                (g, api) -> api.get(meeting(g) + "/minutes/comparison?from=1&to=1")));
        e.add(new Endpoint("POST " + m + "/minutes/revisions/{revision}/restoration", RUNS_IT, AccessMatrixTest::draftMinutes,
                (g, api) -> api.post(meeting(g) + "/minutes/revisions/1/restoration")));
        e.add(new Endpoint("POST " + m + "/minutes/finalization", RUNS_IT, AccessMatrixTest::draftMinutes,
                (g, api) -> api.post(meeting(g) + "/minutes/finalization")));
        e.add(new Endpoint("POST " + m + "/minutes/publication", RUNS_IT, AccessMatrixTest::finalizedMinutes,
                (g, api) -> api.post(meeting(g) + "/minutes/publication").body(Map.of("audience", "MEMBERS"))));
        e.add(new Endpoint("GET " + d, EVERYONE, AccessMatrixTest::ledSubcommittee, (g, api) -> api.get(sub(g) + "/deliverables")));
        e.add(new Endpoint("POST " + d, RUNS_IT, AccessMatrixTest::ledSubcommittee,
                (g, api) -> api.post(sub(g) + "/deliverables").body(newDeliverable())));
        e.add(new Endpoint("GET " + d + "/{deliverableId}", INSIDERS, AccessMatrixTest::deliverable,
                (g, api) -> api.get(deliverable(g))));
        e.add(new Endpoint("PUT " + d + "/{deliverableId}", RUNS_IT, AccessMatrixTest::deliverable,
                (g, api) -> api.put(deliverable(g)).body(Map.of("title", "中間整理（改訂）", "kind", "INTERIM_SUMMARY",
                        "date", "2022-11-09", "meetingIds", List.of()))));
        e.add(new Endpoint("PUT " + d + "/{deliverableId}/visibility", RUNS_IT, AccessMatrixTest::deliverable,
                (g, api) -> api.put(deliverable(g) + "/visibility").body(Map.of("visibility", "PUBLIC"))));
        e.add(new Endpoint("POST " + d + "/{deliverableId}/files", RUNS_IT, AccessMatrixTest::deliverable,
                (g, api) -> api.post(deliverable(g) + "/files").file("中間整理.pdf", "application/pdf", PDF)));
        e.add(new Endpoint("DELETE " + d + "/{deliverableId}/files/{sha256}", RUNS_IT, AccessMatrixTest::deliverableFile,
                (g, api) -> api.delete(deliverable(g) + "/files/" + PDF_SHA256)));
        e.add(new Endpoint("GET " + d + "/{deliverableId}/files/{sha256}", INSIDERS, AccessMatrixTest::deliverableFile,
                (g, api) -> api.get(deliverable(g) + "/files/" + PDF_SHA256)));
        e.add(new Endpoint("GET /api/v1/subcommittees/{subcommitteeId}/decision-trail", EVERYONE, AccessMatrixTest::ledSubcommittee,
                (g, api) -> api.get(sub(g) + "/decision-trail")));
        e.add(new Endpoint("GET /api/v1/subcommittees/{subcommitteeId}/public-meetings", EVERYONE, AccessMatrixTest::ledSubcommittee,
                (g, api) -> api.get(sub(g) + "/public-meetings")));
        return e;
    }

    private static Map<String, Object> newDeliverable() {
        return Map.of("title", "中間整理", "kind", "INTERIM_SUMMARY", "date", "2022-11-09", "summary", "論点を整理した。",
                "visibility", "MEMBERS", "meetingIds", List.of());
    }

    /** The n-th of the ids in {@code other} ("meetingId/itemId" and the like), or a well-formed id nobody has. */
    private static String part(Given given, int n) {
        return given.other() == null ? "00000000-0000-4000-8000-000000000000" : given.other().split("/")[n];
    }

    private static String item(Given given) {
        return sub(given) + "/meetings/" + part(given, 0) + "/agenda/" + part(given, 1);
    }

    private static String deliverable(Given given) {
        return sub(given) + "/deliverables/" + part(given, 0);
    }

    /** A meeting held today, all day (so that it has begun): a whole-day slot today, confirmed ({@code other}: its id). */
    private Given todaysMeeting() {
        Given given = ledSubcommittee();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
        Api.Response opened = api.post(sub(given) + "/polls").token(TestTokens.secretariat())
                                 .body(Map.of("title", "本日の分科会", "deadline", today + "T23:59",
                                         "slots", List.of(Map.of("date", today.toString())))).send();
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return confirmed(given.with(opened.json().get("pollId").asText() + "/" + opened.json().get("slotIds").get(0).asText()));
    }

    /** A meeting with one agenda item ({@code other}: "meetingId/itemId"). */
    private Given agendaItem() {
        Given given = meeting();
        Api.Response added = api.post(meeting(given) + "/agenda").token(TestTokens.secretariat())
                                .body(Map.of("title", "行列テストの議題")).send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        awaitProjections();
        return given.with(given.other() + "/" + added.json().get("itemId").asText());
    }

    private Given agendaFile() {
        Given given = agendaItem();
        Api.Response attached = api.post(item(given) + "/files").token(TestTokens.secretariat())
                                   .file("行列テスト資料.pdf", "application/pdf", PDF).send();
        assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
        awaitProjections();
        return given;
    }

    /** A meeting with a first draft of its minutes ({@code other}: the meeting's id). */
    private Given draftMinutes() {
        Given given = meeting();
        Api.Response saved = api.put(meeting(given) + "/minutes").token(TestTokens.secretariat())
                                .body(Map.of("text", "行列テスト 議事録（案）")).send();
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        awaitProjections();
        return given;
    }

    private Given finalizedMinutes() {
        Given given = draftMinutes();
        Api.Response finalized = api.post(meeting(given) + "/minutes/finalization").token(TestTokens.secretariat()).send();
        assertThat(finalized.status()).as(finalized.toString()).isEqualTo(200);
        return given;
    }

    private Given membersMinutes() {
        Given given = finalizedMinutes();
        Api.Response published = api.post(meeting(given) + "/minutes/publication").token(TestTokens.secretariat())
                                    .body(Map.of("audience", "MEMBERS")).send();
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        awaitProjections();
        return given;
    }

    /** A members-only deliverable of a subcommittee led by a fresh member ({@code other}: its id). */
    private Given deliverable() {
        Given given = ledSubcommittee();
        Api.Response recorded = api.post(sub(given) + "/deliverables").token(TestTokens.secretariat()).body(newDeliverable()).send();
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        awaitProjections();
        return given.with(recorded.json().get("deliverableId").asText());
    }

    private Given deliverableFile() {
        Given given = deliverable();
        Api.Response attached = api.post(deliverable(given) + "/files").token(TestTokens.secretariat())
                                   .file("中間整理.pdf", "application/pdf", PDF).send();
        assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
        awaitProjections();
        return given;
    }

    /** A poll with two slots, in a week and in two weeks, answered by 20 days from now (Japan). */
    private static Map<String, Object> newPoll() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
        return Map.of("title", "行列テスト 日程調整", "deadline", today.plusDays(5) + "T17:00",
                "slots", List.of(Map.of("date", today.plusDays(7).toString(), "start", "14:00", "end", "16:00"),
                        Map.of("date", today.plusDays(14).toString())));
    }

    /** A poll of a subcommittee led by a fresh member ({@code other}: "pollId/firstSlotId"). */
    private Given poll() {
        Given given = ledSubcommittee();
        Api.Response opened = api.post(sub(given) + "/polls").token(TestTokens.secretariat()).body(newPoll()).send();
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        awaitProjections();
        return given.with(opened.json().get("pollId").asText() + "/" + opened.json().get("slotIds").get(0).asText());
    }

    private static String poll(Given given) {
        String pollId = given.other() == null ? "00000000-0000-4000-8000-000000000000" : given.other().split("/")[0];
        return sub(given) + "/polls/" + pollId;
    }

    /** A meeting of a subcommittee led by a fresh member, scheduled by confirming a poll ({@code other}: its id). */
    private Given meeting() {
        return confirmed(poll());
    }

    /** The meeting the poll in {@code other} ("pollId/slotId") schedules once its slot is confirmed. */
    private Given confirmed(Given given) {
        String[] pollAndSlot = given.other().split("/");
        Api.Response confirmed = api.post(poll(given) + "/confirmation").token(TestTokens.secretariat())
                                    .body(Map.of("slotId", pollAndSlot[1])).send();
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        String meetingId = jp.kodoku.platform.subcommittees.api.MeetingId.fromPoll(
                new jp.kodoku.platform.subcommittees.api.PollId(pollAndSlot[0])).value();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get(sub(given) + "/meetings").token(TestTokens.secretariat()).send().json()
                              .findValuesAsText("meetingId")).contains(meetingId));
        awaitProjections();
        return given.with(meetingId);
    }

    private static String meeting(Given given) {
        return sub(given) + "/meetings/" + part(given, 0);
    }

    private static String slot(Given given) {
        return given.other() == null ? "00000000-0000-4000-8000-000000000000" : given.other().split("/")[1];
    }

    private static String sharedSubcommittee;
    /** The data of the cell being run (the subcommittee chair's token depends on its subcommittee). */
    private Given current;
    private static final Map<String, String> subcommitteeChairs = new java.util.concurrent.ConcurrentHashMap<>();

    /** The row's subcommittee; refused calls go to the shared one, which the shared member leads. */
    private static String sub(Given given) {
        return "/api/v1/subcommittees/" + (given.subcommittee() != null ? given.subcommittee() : sharedSubcommittee);
    }

    /** A subcommittee led by a fresh member (whose admin is MEMBER_ADMIN: a member of it). */
    private Given ledSubcommittee() {
        Given member = member();
        Given given = member.inSubcommittee(new Subcommittees(api).create(member.organizationId()));
        awaitProjections();
        return given;
    }

    /** A fresh member (MEMBER_ADMIN's organization) outside a subcommittee led by another fresh member ({@code other}). */
    private Given outsider() {
        Given lead = member();
        Given outside = member();
        Given given = outside.with(lead.organizationId()).inSubcommittee(new Subcommittees(api).create(lead.organizationId()));
        awaitProjections();
        return given;
    }

    private Given joined() {
        Given given = outsider();
        Api.Response added = api.post(sub(given) + "/members").token(TestTokens.secretariat())
                                .body(Map.of("organizationId", given.organizationId())).send();
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        return given;
    }

    private Given asking() {
        Given given = outsider();
        Api.Response asked = api.post(sub(given) + "/membership-requests").token(TestTokens.memberAdmin(given.organizationId()))
                                .body(Map.of("organizationId", given.organizationId())).send();
        assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
        return given;
    }

    /** An account acting for the lead organization, not yet appointed ({@code other}: its id). */
    private Given chairToBe() {
        Given given = ledSubcommittee();
        return given.with(TestTokens.accountFor(given.organizationId())[1]);
    }

    /** A serving chair ({@code other}: its account id). */
    private Given chaired() {
        Given given = ledSubcommittee();
        return given.with(new Subcommittees(api).appointChair(given.subcommittee(), given.organizationId()).userId());
    }

    /**
     * The chair of the subcommittee the call goes to (staff of its first lead organization), appointed once and signed
     * in afresh for every call (the matrix runs longer than a token lives).
     */
    private String chairOf(Given given) {
        String path = sub(given);
        return TestTokens.tokenOf(subcommitteeChairs.computeIfAbsent(path, p -> {
            awaitProjections();
            Api.Response subcommittee = api.get(p).send();
            assertThat(subcommittee.status()).as(subcommittee.toString()).isEqualTo(200);
            String lead = subcommittee.json().get("leadOrganizations").get(0).get("id").asText();
            return new Subcommittees(api).appointChair(subcommittee.json().get("id").asText(), lead).username();
        }));
    }

    /** Decisions on an application need an organization that is still applying. */
    static List<Endpoint> applicationEndpoints() {
        return List.of(
                new Endpoint("POST /api/v1/organizations/{id}/approval", SECRETARIAT_ONLY, AccessMatrixTest::applying,
                        (g, api) -> api.post(org(g) + "/approval")),
                new Endpoint("POST /api/v1/organizations/{id}/rejection", SECRETARIAT_ONLY, AccessMatrixTest::applying,
                        (g, api) -> api.post(org(g) + "/rejection").body(Map.of("reason", "対象外"))),
                new Endpoint("POST /api/v1/organizations/{id}/send-back", SECRETARIAT_ONLY, AccessMatrixTest::applying,
                        (g, api) -> api.post(org(g) + "/send-back").body(Map.of("comment", "ご確認ください"))));
    }

    /** The rows this class checks. */
    abstract List<Endpoint> rows();

    /** Every row of the matrix, whichever class checks it. */
    static List<Endpoint> allRows() {
        return Stream.of(membershipEndpoints(), applicationEndpoints(), subcommitteeEndpoints(), meetingRecordEndpoints(),
                               eventEndpoints(), feedEndpoints(), activityEndpoints(), webhookEndpoints(), newsletterEndpoints(),
                               newsletterProposalEndpoints(), newsletterIssueEndpoints())
                     .flatMap(List::stream).toList();
    }

    @TestFactory
    Stream<DynamicTest> every_endpoint_for_every_caller() {
        return rows().stream().flatMap(this::cells);
    }

    private Stream<DynamicTest> cells(Endpoint endpoint) {
        return EnumSet.allOf(Caller.class).stream().map(caller -> DynamicTest.dynamicTest(
                endpoint.name() + " as " + caller, () -> {
                    boolean allowed = endpoint.allowed().contains(caller);
                    cellCaller = caller;
                    // Refused calls are turned away before any data is touched; only allowed ones need fresh data.
                    if (shared == null) {
                        member();
                    }
                    if (sharedSubcommittee == null) {
                        sharedSubcommittee = new Subcommittees(api).create(shared.organizationId());
                    }
                    Given given = allowed ? dataFor(endpoint) : shared;
                    Api.Call call = endpoint.call().apply(given, api);
                    current = given;
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

    /** The data of GET rows, made once per row (see {@link #dataFor}). */
    private static final Map<String, Given> readRowsData = new java.util.HashMap<>();

    /**
     * Fresh data for an allowed call. A read changes nothing, so the allowed callers of a GET row share one set (made
     * for the row, never for a caller): making it is what the matrix spends its time on.
     */
    private Given dataFor(Endpoint endpoint) {
        if (!endpoint.name().startsWith("GET ")) {
            return endpoint.data().apply(this);
        }
        return readRowsData.computeIfAbsent(endpoint.name(), row -> endpoint.data().apply(this));
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

    /** An application sent back for changes: its private link may resubmit it. */
    private Given sentBack() {
        Given applying = applying();
        Api.Response sentBack = api.post(org(applying) + "/send-back").token(TestTokens.secretariat())
                                   .body(Map.of("comment", "定款の写しを添えてください")).send();
        assertThat(sentBack.status()).as(sentBack.toString()).isEqualTo(200);
        awaitProjections();
        return applying;
    }

    private Given steering() {
        return afterward(member(), "/steering-term", Map.of("termStart", "2024-06-01"));
    }

    private Given suspended() {
        return afterward(member(), "/suspension", Map.of("reason", "確認中"));
    }

    /** Two admins invited besides the primary contact's account, so that removing the first is allowed. */
    private Given twoInvited() {
        Given member = member();
        String first = invite(member);
        invite(member);
        return member.with(first);
    }

    private Given apiClient() {
        Api.Response registered = api.post("/api/v1/api-clients").token(TestTokens.secretariat())
                                     .body(Map.of("name", "行列テスト（個別）", "scopes", List.of("directory:read"))).send();
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        awaitProjections();
        return member().with(registered.json().get("clientId").asText());
    }

    /**
     * A member with its admin's pending profile proposal (its id in {@code other}). Moderation is platform-wide, so it
     * is on only while the proposal is made; the proposal stays pending after it is switched off.
     */
    private Given proposing() {
        Given member = member();
        String setting = "/api/v1/settings/profile-moderation";
        try {
            Api.Response on = api.put(setting).token(TestTokens.secretariat()).body(Map.of("enabled", true)).send();
            assertThat(on.status()).as(on.toString()).isEqualTo(200);
            Api.Response proposed = api.patch(org(member) + "/profile").token(TestTokens.memberAdmin(member.organizationId()))
                                       .header("If-Match", member.etag())
                                       .body(Map.of("publicDescription", "承認をお願いします。")).send();
            assertThat(proposed.status()).as(proposed.toString()).isEqualTo(200);
            return member.with(proposed.json().get("proposalId").asText());
        } finally {
            Api.Response off = api.put(setting).token(TestTokens.secretariat()).body(Map.of("enabled", false)).send();
            assertThat(off.status()).as(off.toString()).isEqualTo(200);
        }
    }

    private Given afterward(Given given, String step, Map<String, Object> body) {
        Api.Response done = api.post(org(given) + step).token(TestTokens.secretariat()).body(body).send();
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        return given;
    }

    private String invite(Given given) {
        Api.Response invited = api.post(org(given) + "/admins").token(TestTokens.secretariat())
                                  .body(Map.of("name", "招待 四郎", "email", "shiro" + System.nanoTime() + "@matrix.example.jp"))
                                  .send();
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        return invited.json().get("userId").asText();
    }

    /** What a resubmission sends: the application without the bylaws version, which was agreed to once. */
    private static Map<String, Object> resubmission() {
        Map<String, Object> body = new LinkedHashMap<>(Samples.application());
        body.remove("bylawsVersion");
        return body;
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
            case SUBCOMMITTEE_CHAIR -> chairOf(current);
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

    // ---- the events portal (issue 12) ---------------------------------------------------------------------------

    /** Reads under /api/v1/events need the events:read scope, which the matrix's app does not have. */
    private static final Set<Caller> EVERYONE_BUT_APPS_WITHOUT_SCOPE = EnumSet.complementOf(EnumSet.of(THIRD_PARTY_APP));
    private static final Set<Caller> MEMBER_ADMINS = EnumSet.of(MEMBER_ADMIN, OTHER_MEMBER_ADMIN);
    /** The organization the events rows' member admin acts for: only its token matters to the portal. */
    private static final String EVENTS_ORGANIZATION = java.util.UUID.randomUUID().toString();

    /**
     * The events portal's endpoints. {@code other} is the event, {@code contactId} a registration, {@code accessUrl} a
     * registrant's private link (or, for the confirmation, the mailed token).
     */
    static List<Endpoint> eventEndpoints() {
        List<Endpoint> e = new ArrayList<>();
        e.add(new Endpoint("GET /api/v1/events", EVERYONE_BUT_APPS_WITHOUT_SCOPE, AccessMatrixTest::events, (g, api) -> api.get("/api/v1/events")));
        e.add(new Endpoint("GET /api/v1/events/{id}", EVERYONE_BUT_APPS_WITHOUT_SCOPE, AccessMatrixTest::event, (g, api) -> api.get(ev(g))));
        e.add(new Endpoint("GET /api/v1/event-attendance", SECRETARIAT_ONLY, AccessMatrixTest::events,
                (g, api) -> api.get("/api/v1/event-attendance?fiscalYear=2026")));
        e.add(new Endpoint("POST /api/v1/events", SECRETARIAT_ONLY, AccessMatrixTest::events,
                (g, api) -> api.post("/api/v1/events").body(jp.kodoku.platform.gateway.support.Events.workshop(10))));
        e.add(new Endpoint("PUT /api/v1/events/{id}", SECRETARIAT_ONLY, AccessMatrixTest::event,
                (g, api) -> api.put(ev(g)).header("If-Match", g.etag()).body(jp.kodoku.platform.gateway.support.Events.workshop(20))));
        e.add(new Endpoint("POST /api/v1/events/{id}/publication", SECRETARIAT_ONLY, AccessMatrixTest::draftEvent,
                (g, api) -> api.post(ev(g) + "/publication")));
        e.add(new Endpoint("POST /api/v1/events/{id}/rescheduling", SECRETARIAT_ONLY, AccessMatrixTest::event,
                (g, api) -> api.post(ev(g) + "/rescheduling").body(Map.of("schedule", Map.of("startDate",
                        java.time.LocalDate.now().plusMonths(2).toString(), "endDate", java.time.LocalDate.now().plusMonths(2).toString()),
                        "reason", "会場の都合により延期します"))));
        e.add(new Endpoint("POST /api/v1/events/{id}/cancellation", SECRETARIAT_ONLY, AccessMatrixTest::event,
                (g, api) -> api.post(ev(g) + "/cancellation").body(Map.of("reason", "台風接近のため"))));
        e.add(new Endpoint("POST /api/v1/events/{id}/finish", SECRETARIAT_ONLY, AccessMatrixTest::runningEvent,
                (g, api) -> api.post(ev(g) + "/finish")));
        e.add(new Endpoint("POST /api/v1/campaigns/{campaignId}/events", MEMBER_ADMINS, AccessMatrixTest::campaign,
                (g, api) -> api.post("/api/v1/campaigns/" + g.other() + "/events").body(campaignEvent(g))));
        e.add(new Endpoint("POST /api/v1/events/{id}/approval", SECRETARIAT_ONLY, AccessMatrixTest::proposedEvent,
                (g, api) -> api.post(ev(g) + "/approval")));
        e.add(new Endpoint("POST /api/v1/events/{id}/rejection", SECRETARIAT_ONLY, AccessMatrixTest::proposedEvent,
                (g, api) -> api.post(ev(g) + "/rejection").body(Map.of("reason", "強化月間の趣旨と異なるため"))));
        e.add(new Endpoint("POST /api/v1/events/{id}/registrations", MEMBER_ADMINS, AccessMatrixTest::event,
                (g, api) -> api.post(ev(g) + "/registrations").body(Map.of("seats", 1))));
        e.add(new Endpoint("POST /api/v1/events/{id}/public-registrations", EVERYONE, AccessMatrixTest::event,
                (g, api) -> api.post(ev(g) + "/public-registrations").body(Map.of("name", "行列 花子", "email",
                        "hanako@matrix.example.jp", "seats", 1))));
        e.add(new Endpoint("POST /api/v1/events/{id}/registrations/confirmation", EVERYONE, AccessMatrixTest::pendingPublicRegistration,
                (g, api) -> api.post(ev(g) + "/registrations/confirmation").body(Map.of("token", String.valueOf(g.accessUrl())))));
        e.add(new Endpoint("GET /api/v1/events/{id}/registrations/access/{token}", EVERYONE_BUT_APPS_WITHOUT_SCOPE,
                AccessMatrixTest::publicRegistration, (g, api) -> api.get(link(g))));
        e.add(new Endpoint("DELETE /api/v1/events/{id}/registrations/access/{token}", EVERYONE,
                AccessMatrixTest::publicRegistration, (g, api) -> api.delete(link(g))));
        e.add(new Endpoint("GET /api/v1/events/{id}/registrations", SECRETARIAT_ONLY, AccessMatrixTest::event,
                (g, api) -> api.get(ev(g) + "/registrations")));
        e.add(new Endpoint("GET /api/v1/events/{id}/registrations.csv", SECRETARIAT_ONLY, AccessMatrixTest::event,
                (g, api) -> api.get(ev(g) + "/registrations.csv")));
        e.add(new Endpoint("DELETE /api/v1/organizations/{id}/event-registrations/{eventId}/{registrationId}", ORGANIZATION,
                AccessMatrixTest::memberRegistration, (g, api) -> api.delete(org(g) + "/event-registrations/" + g.other() + "/" + g.contactId())));
        e.add(new Endpoint("POST /api/v1/events/{id}/registrations/{registrationId}/removal", SECRETARIAT_ONLY,
                AccessMatrixTest::memberRegistration, (g, api) -> api.post(ev(g) + "/registrations/" + g.contactId() + "/removal")
                .body(Map.of("reason", "重複登録のため"))));
        e.add(new Endpoint("POST /api/v1/events/{id}/registrations/{registrationId}/waitlist-position", SECRETARIAT_ONLY,
                AccessMatrixTest::twoWaitlisted, (g, api) -> api.post(ev(g) + "/registrations/" + g.contactId() + "/waitlist-position")
                .body(Map.of("position", 1, "reason", "登壇者の同行者のため"))));
        e.add(new Endpoint("PUT /api/v1/events/{id}/registrations/{registrationId}/attendance", SECRETARIAT_ONLY,
                AccessMatrixTest::attendedEvent, (g, api) -> api.put(ev(g) + "/registrations/" + g.contactId() + "/attendance")
                .body(Map.of("attendedSeats", 1))));
        e.add(new Endpoint("POST /api/v1/events/{id}/registrations/{registrationId}/erasure", SECRETARIAT_ONLY,
                AccessMatrixTest::publicRegistration, (g, api) -> api.post(ev(g) + "/registrations/" + g.contactId() + "/erasure")
                .body(Map.of("reason", "本人からの請求"))));
        e.add(new Endpoint("GET /api/v1/organizations/{id}/event-registrations", ORGANIZATION, AccessMatrixTest::events,
                (g, api) -> api.get(org(g) + "/event-registrations")));
        e.add(new Endpoint("GET /api/v1/events.ics", EVERYONE_BUT_APPS_WITHOUT_SCOPE, AccessMatrixTest::events,
                (g, api) -> api.get("/api/v1/events.ics")));
        e.add(new Endpoint("GET /api/v1/events/{id}.ics", EVERYONE_BUT_APPS_WITHOUT_SCOPE, AccessMatrixTest::event,
                (g, api) -> api.get(ev(g) + ".ics")));
        e.add(new Endpoint("GET /api/v1/events/{id}/registrations/access/{token}.ics", EVERYONE_BUT_APPS_WITHOUT_SCOPE,
                AccessMatrixTest::publicRegistration, (g, api) -> api.get(link(g) + ".ics")));
        return e;
    }

    /** A registrant's private link; refused calls (which get another row's data) aim at an event's link too. */
    private static String link(Given given) {
        return given.accessUrl() != null && given.accessUrl().startsWith("/api/v1/events/") ? given.accessUrl()
                : "/api/v1/events/" + given.other() + "/registrations/access/none";
    }

    private static String ev(Given given) {
        return "/api/v1/events/" + given.other();
    }

    private Given events() {
        return new Given(EVENTS_ORGANIZATION, null, null, null);
    }

    private Given event() {
        return published(jp.kodoku.platform.gateway.support.Events.workshop(10));
    }

    private Given published(Map<String, Object> details) {
        String id = new jp.kodoku.platform.gateway.support.Events(api).published(details);
        awaitProjections();
        Api.Response read = api.get("/api/v1/events/" + id).token(TestTokens.secretariat()).send();
        return new Given(EVENTS_ORGANIZATION, read.etag(), null, null, id);
    }

    private Given draftEvent() {
        return events().with(new jp.kodoku.platform.gateway.support.Events(api).draft(jp.kodoku.platform.gateway.support.Events.workshop(10)));
    }

    /** An event that started today and ends tomorrow (so that it can finish), with one confirmed registration. */
    private Given runningEvent() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
        Given event = published(jp.kodoku.platform.gateway.support.Events.with(jp.kodoku.platform.gateway.support.Events.workshop(10),
                "schedule", Map.of("startDate", today.toString(), "endDate", today.plusDays(1).toString()),
                "registration", Map.of("capacity", 10, "closesAt", today.plusDays(1).atTime(12, 0).toString(), "seatLimit", 3)));
        String registration = new jp.kodoku.platform.gateway.support.Events(api)
                .register(event.other(), TestTokens.memberAdmin(EVENTS_ORGANIZATION), 2).json().get("registrationId").asText();
        return new Given(EVENTS_ORGANIZATION, event.etag(), registration, null, event.other());
    }

    private Given attendedEvent() {
        Given running = runningEvent();
        Api.Response finished = api.post(ev(running) + "/finish").token(TestTokens.secretariat()).send();
        assertThat(finished.status()).as(finished.toString()).isEqualTo(200);
        return running;
    }

    private Given memberRegistration() {
        Given event = event();
        String registration = new jp.kodoku.platform.gateway.support.Events(api)
                .register(event.other(), TestTokens.memberAdmin(EVENTS_ORGANIZATION), 1).json().get("registrationId").asText();
        return new Given(EVENTS_ORGANIZATION, event.etag(), registration, null, event.other());
    }

    /** Capacity 1, taken; two registrations waiting: {@code contactId} is the second. */
    private Given twoWaitlisted() {
        Given event = published(jp.kodoku.platform.gateway.support.Events.with(jp.kodoku.platform.gateway.support.Events.workshop(1),
                "registration", Map.of("capacity", 1, "seatLimit", 1)));
        jp.kodoku.platform.gateway.support.Events events = new jp.kodoku.platform.gateway.support.Events(api);
        String admin = TestTokens.memberAdmin(EVENTS_ORGANIZATION);
        events.register(event.other(), admin, 1);
        events.register(event.other(), admin, 1);
        String second = events.register(event.other(), admin, 1).json().get("registrationId").asText();
        return new Given(EVENTS_ORGANIZATION, event.etag(), second, null, event.other());
    }

    private Given publicRegistration() {
        Given event = event();
        Api.Response received = api.post(ev(event) + "/public-registrations")
                                   .body(Map.of("name", "行列 花子", "email", "hanako@matrix.example.jp", "seats", 1)).send();
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        awaitProjections();
        return new Given(EVENTS_ORGANIZATION, event.etag(), received.json().get("registrationId").asText(),
                received.json().get("accessUrl").asText(), event.other());
    }

    /** A public registration waiting for confirmation; {@code accessUrl} holds the mailed token. */
    private Given pendingPublicRegistration() {
        Given registration = publicRegistration();
        String payload = jdbc.queryForObject("SELECT payload FROM domainevententry WHERE aggregateidentifier = ? "
                        + "AND payloadtype LIKE '%.PublicRegistrationRequested'",
                (rs, i) -> new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8), registration.other());
        try {
            com.fasterxml.jackson.databind.JsonNode sealed = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(payload).get("confirmationToken");
            String token = vault.unseal(new jp.kodoku.platform.infra.personaldata.SealedValue(sealed.get("subject").asText(),
                    sealed.get("ciphertext").asText())).orElseThrow();
            return new Given(EVENTS_ORGANIZATION, registration.etag(), registration.contactId(), token, registration.other());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A published 強化月間 (next month, whole days). */
    private Given campaign() {
        java.time.LocalDate first = java.time.LocalDate.now().plusMonths(1).withDayOfMonth(1);
        Map<String, Object> campaign = new LinkedHashMap<>(jp.kodoku.platform.gateway.support.Events.workshop(null));
        campaign.put("kind", "CAMPAIGN");
        campaign.put("title", "孤独・孤立対策強化月間");
        campaign.put("schedule", Map.of("startDate", first.toString(), "endDate", first.plusMonths(1).minusDays(1).toString()));
        campaign.put("registration", null);
        campaign.put("venue", null);
        campaign.put("onlineUrl", null);
        return published(campaign);
    }

    private static Map<String, Object> campaignEvent(Given campaign) {
        java.time.LocalDate day = java.time.LocalDate.now().plusMonths(1).withDayOfMonth(10);
        Map<String, Object> event = new LinkedHashMap<>(jp.kodoku.platform.gateway.support.Events.workshop(20));
        event.put("kind", "CAMPAIGN_EVENT");
        event.put("title", "居場所フェスタ");
        event.put("secretariatOrganizes", false);
        event.put("organizerOrganizations", List.of(campaign.organizationId()));
        event.put("schedule", Map.of("startDate", day.toString(), "startTime", "10:00", "endDate", day.toString(),
                "endTime", "15:00"));
        return event;
    }

    private Given proposedEvent() {
        Given campaign = campaign();
        Api.Response proposed = api.post("/api/v1/campaigns/" + campaign.other() + "/events")
                                   .token(TestTokens.memberAdmin(EVENTS_ORGANIZATION)).body(campaignEvent(campaign)).send();
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        return events().with(proposed.json().get("eventId").asText());
    }

    // ---- personal feed tokens and the calendar's feeds (issues 11, 12) --------------------------------------------

    /** Who may hold personal feed tokens: every signed-in person with a role a view depends on. */
    private static final Set<Caller> FEED_HOLDERS = EnumSet.of(SECRETARIAT, MEMBER_ADMIN, OTHER_MEMBER_ADMIN, CHAIR,
            SUBCOMMITTEE_CHAIR);
    /** The caller of the cell being run: a token to revoke must be the caller's own. */
    private Caller cellCaller;

    static List<Endpoint> feedEndpoints() {
        List<Endpoint> e = new ArrayList<>();
        e.add(new Endpoint("POST /api/v1/feed-tokens", FEED_HOLDERS, (g, api) -> api.post("/api/v1/feed-tokens")
                .body(Map.of("feed", "calendar", "label", "行列テストのカレンダー"))));
        e.add(new Endpoint("GET /api/v1/feed-tokens", FEED_HOLDERS, (g, api) -> api.get("/api/v1/feed-tokens")));
        e.add(new Endpoint("DELETE /api/v1/feed-tokens/{id}", FEED_HOLDERS, AccessMatrixTest::ownFeedToken,
                (g, api) -> api.delete("/api/v1/feed-tokens/" + (g.other() == null ? java.util.UUID.randomUUID() : g.other()))));
        // the token in the path is the credential: whoever holds the URL reads the feed, with or without a sign-in
        e.add(new Endpoint("GET /api/v1/calendar/feeds/{token}.ics", EVERYONE_BUT_APPS_WITHOUT_SCOPE, AccessMatrixTest::feedUrl,
                (g, api) -> api.get(g.other() == null ? "/api/v1/calendar/feeds/none.ics" : g.other())));
        // the unified calendar: every caller gets the view of its roles (an app needs events:read, as for events)
        e.add(new Endpoint("GET /api/v1/calendar", EVERYONE_BUT_APPS_WITHOUT_SCOPE, AccessMatrixTest::events,
                (g, api) -> api.get("/api/v1/calendar")));
        e.add(new Endpoint("GET /api/v1/calendar.ics", EVERYONE_BUT_APPS_WITHOUT_SCOPE, AccessMatrixTest::events,
                (g, api) -> api.get("/api/v1/calendar.ics")));
        e.add(new Endpoint("GET /api/v1/subcommittees/{subcommitteeId}/meetings.ics", EVERYONE, AccessMatrixTest::ledSubcommittee,
                (g, api) -> api.get(sub(g) + "/meetings.ics")));
        return e;
    }

    /** A member with a calendar token of the cell's caller ({@code other}: the token's id). */
    private Given ownFeedToken() {
        Given given = member();
        current = given;
        Api.Response issued = api.post("/api/v1/feed-tokens").token(token(cellCaller, given.organizationId()))
                                 .body(Map.of("feed", "calendar")).send();
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return given.with(issued.json().get("id").asText());
    }

    /** A member admin's personal calendar URL ({@code other}: its path). */
    private Given feedUrl() {
        Given given = member();
        Api.Response issued = api.post("/api/v1/feed-tokens").token(TestTokens.memberAdmin(given.organizationId()))
                                 .body(Map.of("feed", "calendar")).send();
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return given.with(java.net.URI.create(issued.json().get("url").asText()).getPath());
    }

    // ---- the activity feed (issue 14) -----------------------------------------------------------------------------

    /**
     * The feed answers everyone (each with what it may read; the public feed files are the same for all); a third-party
     * app needs feed:read, which the matrix's app does not have. A personal feed's token is its credential.
     */
    static List<Endpoint> activityEndpoints() {
        Set<Caller> everyoneButAppsWithoutScope = EnumSet.complementOf(EnumSet.of(THIRD_PARTY_APP));
        List<Endpoint> e = new ArrayList<>();
        e.add(new Endpoint("GET /api/v1/feed", everyoneButAppsWithoutScope, (g, api) -> api.get("/api/v1/feed")));
        e.add(new Endpoint("GET /api/v1/feed.atom", everyoneButAppsWithoutScope, (g, api) -> api.get("/api/v1/feed.atom")));
        e.add(new Endpoint("GET /api/v1/feed.json", everyoneButAppsWithoutScope, (g, api) -> api.get("/api/v1/feed.json")));
        e.add(new Endpoint("GET /api/v1/feed/personal/{token}.atom", everyoneButAppsWithoutScope,
                AccessMatrixTest::activityFeedUrl, (g, api) -> api.get(g.other() == null ? "/api/v1/feed/personal/none.atom"
                        : g.other())));
        e.add(new Endpoint("GET /api/v1/feed/personal/{token}.json", everyoneButAppsWithoutScope,
                AccessMatrixTest::activityFeedUrl, (g, api) -> api.get(g.other() == null ? "/api/v1/feed/personal/none.json"
                        : g.other().replace(".atom", ".json"))));
        return e;
    }

    /** A member admin's personal activity feed URL ({@code other}: its Atom path). */
    private Given activityFeedUrl() {
        Given given = member();
        Api.Response issued = api.post("/api/v1/feed-tokens").token(TestTokens.memberAdmin(given.organizationId()))
                                 .body(Map.of("feed", "activity")).send();
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return given.with(java.net.URI.create(issued.json().get("url").asText()).getPath());
    }

    // ---- webhooks (issue 14) --------------------------------------------------------------------------------------

    /** Subscriptions are the app's own: only a third-party app's token manages them; the catalogue is public. */
    private static final Set<Caller> APPS = EnumSet.of(THIRD_PARTY_APP);

    static List<Endpoint> webhookEndpoints() {
        List<Endpoint> e = new ArrayList<>();
        String base = "/api/v1/webhook-subscriptions";
        e.add(new Endpoint("GET /api/v1/webhook-event-types", EVERYONE, (g, api) -> api.get("/api/v1/webhook-event-types")));
        e.add(new Endpoint("POST " + base, APPS, (g, api) -> api.post(base).body(Map.of(
                "url", "https://hooks.matrix.example.jp/kodoku", "eventTypes", List.of(WEBHOOK_TYPE)))));
        e.add(new Endpoint("GET " + base, APPS, (g, api) -> api.get(base)));
        e.add(new Endpoint("GET " + base + "/{subscriptionId}", APPS, AccessMatrixTest::webhookSubscription,
                (g, api) -> api.get(base + "/" + g.other())));
        e.add(new Endpoint("DELETE " + base + "/{subscriptionId}", APPS, AccessMatrixTest::webhookSubscription,
                (g, api) -> api.delete(base + "/" + g.other())));
        e.add(new Endpoint("POST " + base + "/{subscriptionId}/secret", APPS, AccessMatrixTest::webhookSubscription,
                (g, api) -> api.post(base + "/" + g.other() + "/secret").body(Map.of("overlapHours", 1))));
        e.add(new Endpoint("POST " + base + "/{subscriptionId}/reactivation", APPS, AccessMatrixTest::disabledWebhookSubscription,
                (g, api) -> api.post(base + "/" + g.other() + "/reactivation")));
        e.add(new Endpoint("GET " + base + "/{subscriptionId}/deliveries", APPS, AccessMatrixTest::webhookSubscription,
                (g, api) -> api.get(base + "/" + g.other() + "/deliveries")));
        e.add(new Endpoint("POST " + base + "/{subscriptionId}/replays", APPS, AccessMatrixTest::webhookSubscription,
                (g, api) -> api.post(base + "/" + g.other() + "/replays").body(Map.of("fromTime", java.time.Instant.now().toString()))));
        return e;
    }

    private static final String WEBHOOK_TYPE = "jp.kodoku.platform.membership.member.approved";

    /** A subscription of the matrix's app (its id in {@code other}). */
    private Given webhookSubscription() {
        Api.Response created = api.post("/api/v1/webhook-subscriptions").token(appToken()).body(Map.of(
                "url", "https://hooks.matrix.example.jp/kodoku", "eventTypes", List.of(WEBHOOK_TYPE))).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return shared.with(created.json().get("subscriptionId").asText());
    }

    /** A subscription that was disabled (as after a day of failed deliveries), to be reactivated. */
    private Given disabledWebhookSubscription() {
        Given given = webhookSubscription();
        jdbc.update("UPDATE webhook_subscriptions SET state = 'disabled', disabled_reason = 'test' WHERE id = ?", given.other());
        return given;
    }

    // ---- newsletter (メールマガジン) --------------------------------------------------------------------------------

    @Autowired
    private org.axonframework.commandhandling.gateway.CommandGateway newsletterCommands;

    @Autowired
    private jp.kodoku.platform.newsletter.UnsubscribeLinks unsubscribeLinks;

    static List<Endpoint> newsletterEndpoints() {
        List<Endpoint> e = new ArrayList<>();
        e.add(new Endpoint("POST /api/v1/newsletter/subscriptions", EVERYONE, AccessMatrixTest::pendingSubscription,
                (g, api) -> api.post("/api/v1/newsletter/subscriptions").body(Map.of("email",
                        "matrix-" + java.util.UUID.randomUUID() + "@example.jp", "wordingVersion", "2026-04"))));
        e.add(new Endpoint("POST /api/v1/newsletter/subscriptions/{id}/confirmation", EVERYONE,
                AccessMatrixTest::pendingSubscription, (g, api) -> api.post("/api/v1/newsletter/subscriptions/"
                        + g.other() + "/confirmation").body(Map.of("token", g.accessUrl()))));
        e.add(new Endpoint("POST /api/v1/newsletter/unsubscribe/{token}", EVERYONE, AccessMatrixTest::pendingSubscription,
                (g, api) -> api.post("/api/v1/newsletter/unsubscribe/" + g.contactId())
                               .bytes("List-Unsubscribe=One-Click".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                                       "application/x-www-form-urlencoded")));
        e.add(new Endpoint("GET /api/v1/newsletter/subscriptions/{id}/consent-ledger", SECRETARIAT_ONLY,
                AccessMatrixTest::pendingSubscription,
                (g, api) -> api.get("/api/v1/newsletter/subscriptions/" + g.other() + "/consent-ledger")));
        // bounces (ADR 0048): a refused caller finds a suspended address it could have lifted
        e.add(new Endpoint("GET /api/v1/newsletter/bounces", SECRETARIAT_ONLY,
                (g, api) -> api.get("/api/v1/newsletter/bounces")));
        e.add(new Endpoint("POST /api/v1/newsletter/subscriptions/{id}/suspension-lifting", SECRETARIAT_ONLY,
                AccessMatrixTest::suspendedSubscription,
                (g, api) -> api.post("/api/v1/newsletter/subscriptions/" + g.other() + "/suspension-lifting")));
        return e;
    }

    /** A subscription whose address a hard bounce suspended: {@code other} its id. */
    private Given suspendedSubscription() {
        Given pending = pendingSubscription();
        newsletterCommands.sendAndWait(new jp.kodoku.platform.newsletter.api.RecordBounce(
                new jp.kodoku.platform.newsletter.api.SubscriptionId(pending.other()),
                "<matrix-" + java.util.UUID.randomUUID() + "@mx.example.jp>", "5.1.1", "550 User unknown", null,
                java.time.Instant.now()));
        return pending;
    }

    /**
     * A public subscription waiting for its confirmation: {@code other} its id, {@code accessUrl} the mailed link's
     * token, {@code contactId} its unsubscribe token.
     */
    private Given pendingSubscription() {
        jp.kodoku.platform.newsletter.api.SubscriptionId id = jp.kodoku.platform.newsletter.api.SubscriptionId.random();
        newsletterCommands.sendAndWait(new jp.kodoku.platform.newsletter.api.RequestSubscription(id,
                "matrix-" + id.value() + "@example.jp", "2026-04"));
        String token = jp.kodoku.platform.gateway.support.SealedTokens.confirmationToken(jdbc, vault, id.value(),
                "SubscriptionRequested");
        awaitProjections();
        // the organization is the shared member's: a member admin's cell needs one for its token
        return new Given(shared.organizationId(), null, unsubscribeLinks.token(id), token, id.value());
    }

    // ---- newsletter: items proposed by members, events into イベント案内, the public archive --------------------------

    static List<Endpoint> newsletterProposalEndpoints() {
        List<Endpoint> e = new ArrayList<>();
        e.add(new Endpoint("POST /api/v1/organizations/{organizationId}/newsletter-proposals", ORGANIZATION,
                (g, api) -> api.post(org(g) + "/newsletter-proposals").body(Map.of("kind", "ACTIVITY_REPORT",
                        "content", Map.of("title", "見守り活動の報告", "body", "地域の見守り活動を報告します。")))));
        e.add(new Endpoint("GET /api/v1/organizations/{organizationId}/newsletter-proposals", ORGANIZATION,
                (g, api) -> api.get(org(g) + "/newsletter-proposals")));
        e.add(new Endpoint("GET /api/v1/newsletter/proposals", SECRETARIAT_ONLY,
                (g, api) -> api.get("/api/v1/newsletter/proposals?status=PROPOSED")));
        // refused callers read the last proposal made for an allowed cell: whom it is refused to depends on its organization
        e.add(new Endpoint("GET /api/v1/newsletter/proposals/{id}", ORGANIZATION, AccessMatrixTest::itemProposal,
                (g, api) -> api.get("/api/v1/newsletter/proposals/" + (g.other() == null ? lastProposal : g.other()))));
        e.add(new Endpoint("POST /api/v1/newsletter/proposals/{id}/acceptance", SECRETARIAT_ONLY,
                AccessMatrixTest::itemProposal, (g, api) -> api.post("/api/v1/newsletter/proposals/" + g.other()
                        + "/acceptance").body(Map.of("issueId", g.accessUrl()))));
        e.add(new Endpoint("POST /api/v1/newsletter/proposals/{id}/deferral", SECRETARIAT_ONLY,
                AccessMatrixTest::itemProposal, (g, api) -> api.post("/api/v1/newsletter/proposals/" + g.other()
                        + "/deferral").body(Map.of("reason", "次号で紹介します"))));
        e.add(new Endpoint("POST /api/v1/newsletter/proposals/{id}/rejection", SECRETARIAT_ONLY,
                AccessMatrixTest::itemProposal, (g, api) -> api.post("/api/v1/newsletter/proposals/" + g.other()
                        + "/rejection").body(Map.of("reason", "対象外のため"))));
        e.add(new Endpoint("POST /api/v1/newsletter/issues/{id}/event-items", SECRETARIAT_ONLY,
                AccessMatrixTest::draftIssueAndEvent, (g, api) -> g.other() == null // a refused caller: no issue made
                        ? api.post("/api/v1/newsletter/issues/none/event-items").body(Map.of("eventId", "none"))
                        : api.post("/api/v1/newsletter/issues/" + g.accessUrl() + "/event-items")
                             .body(Map.of("eventId", g.other()))));
        e.add(new Endpoint("GET /api/v1/newsletter/archive", EVERYONE, (g, api) -> api.get("/api/v1/newsletter/archive")));
        e.add(new Endpoint("GET /api/v1/newsletter/archive/{id}", EVERYONE, AccessMatrixTest::archivedIssue,
                (g, api) -> api.get("/api/v1/newsletter/archive/" + g.other())));
        e.add(new Endpoint("GET /api/v1/newsletter/issues.atom", EVERYONE, (g, api) -> api.get("/api/v1/newsletter/issues.atom")));
        return e;
    }

    /** A draft issue's id, made through the issue's own command. */
    private String draftIssueId() {
        jp.kodoku.platform.newsletter.api.IssueId issue = jp.kodoku.platform.newsletter.api.IssueId.random();
        newsletterCommands.sendAndWait(new jp.kodoku.platform.newsletter.api.DraftIssue(issue, "行列テスト号",
                java.time.Instant.now().plus(java.time.Duration.ofDays(7))));
        return issue.value();
    }

    /** The member's proposal ({@code other}) and a draft issue to accept it into ({@code accessUrl}). */
    private Given itemProposal() {
        Given given = member();
        jp.kodoku.platform.newsletter.api.ItemProposalId id = jp.kodoku.platform.newsletter.api.ItemProposalId.random();
        newsletterCommands.sendAndWait(new jp.kodoku.platform.newsletter.api.ProposeItem(id,
                new jp.kodoku.platform.membership.api.OrganizationId(given.organizationId()),
                jp.kodoku.platform.newsletter.api.ProposalKind.ACTIVITY_REPORT,
                new jp.kodoku.platform.newsletter.api.ItemContent("見守り活動の報告", "地域の見守り活動を報告します。", null, false)));
        awaitProjections();
        lastProposal = id.value();
        return new Given(given.organizationId(), null, null, draftIssueId(), id.value());
    }

    /** The proposal {@link #itemProposal} made last. */
    private static String lastProposal;

    /** A draft issue ({@code accessUrl}) and a published public event ({@code other}). */
    private Given draftIssueAndEvent() {
        String event = new jp.kodoku.platform.gateway.support.Events(api).published(
                jp.kodoku.platform.gateway.support.Events.workshop(20));
        awaitProjections();
        return new Given(shared == null ? member().organizationId() : shared.organizationId(), null, null, draftIssueId(), event);
    }

    /** An issue sent to everyone, in the public archive ({@code other}: its number). */
    private Given archivedIssue() {
        Given given = member();
        int number = jp.kodoku.platform.gateway.support.Newsletters.sentToEveryone(newsletterCommands, jdbc, "行列テスト 公開号");
        awaitProjections();
        return given.with(String.valueOf(number));
    }

    // ---- newsletter issues (issue 13: the secretariat's issues, sending) ------------------------------------------

    private static final String ISSUES = "/api/v1/newsletter/issues";

    static List<Endpoint> newsletterIssueEndpoints() {
        List<Endpoint> e = new ArrayList<>();
        e.add(new Endpoint("GET " + ISSUES, SECRETARIAT_ONLY, (g, api) -> api.get(ISSUES + "?status=DRAFT")));
        e.add(new Endpoint("POST " + ISSUES, SECRETARIAT_ONLY, (g, api) -> api.post(ISSUES).body(Map.of(
                "subject", "行列テスト号", "plannedSendAt", java.time.Instant.now().plusSeconds(86_400).toString()))));
        e.add(new Endpoint("GET " + ISSUES + "/{id}", SECRETARIAT_ONLY, AccessMatrixTest::draftIssue,
                (g, api) -> api.get(ISSUES + "/" + g.other())));
        e.add(new Endpoint("PUT " + ISSUES + "/{id}", SECRETARIAT_ONLY, AccessMatrixTest::draftIssue,
                (g, api) -> api.put(ISSUES + "/" + g.other()).header("If-Match", "\"1\"").body(Map.of(
                        "subject", "行列テスト号（改）", "plannedSendAt", java.time.Instant.now().plusSeconds(90_000).toString()))));
        e.add(new Endpoint("POST " + ISSUES + "/{id}/sections", SECRETARIAT_ONLY, AccessMatrixTest::draftIssue,
                (g, api) -> api.post(ISSUES + "/" + g.other() + "/sections").body(Map.of("title", "分科会だより"))));
        e.add(new Endpoint("DELETE " + ISSUES + "/{id}/sections/{sectionKey}", SECRETARIAT_ONLY, AccessMatrixTest::draftIssue,
                (g, api) -> api.delete(ISSUES + "/" + g.other() + "/sections/visits")));
        e.add(new Endpoint("POST " + ISSUES + "/{id}/items", SECRETARIAT_ONLY, AccessMatrixTest::draftIssue,
                (g, api) -> api.post(ISSUES + "/" + g.other() + "/items").body(Map.of("sectionKey", "support",
                        "content", Map.of("title", "助成のご案内", "body", "締切は6月30日です。")))));
        e.add(new Endpoint("PUT " + ISSUES + "/{id}/items/{itemId}", SECRETARIAT_ONLY, AccessMatrixTest::draftIssue,
                (g, api) -> api.put(ISSUES + "/" + g.other() + "/items/" + g.contactId()).body(Map.of(
                        "content", Map.of("title", "研修会のご案内（改）", "body", "会場が変わりました。")))));
        e.add(new Endpoint("POST " + ISSUES + "/{id}/items/{itemId}/position", SECRETARIAT_ONLY, AccessMatrixTest::draftIssue,
                (g, api) -> api.post(ISSUES + "/" + g.other() + "/items/" + g.contactId() + "/position")
                               .body(Map.of("sectionKey", "events", "position", 0))));
        e.add(new Endpoint("DELETE " + ISSUES + "/{id}/items/{itemId}", SECRETARIAT_ONLY, AccessMatrixTest::draftIssue,
                (g, api) -> api.delete(ISSUES + "/" + g.other() + "/items/" + g.contactId())));
        e.add(new Endpoint("POST " + ISSUES + "/{id}/scheduling", SECRETARIAT_ONLY, AccessMatrixTest::draftIssue,
                (g, api) -> api.post(ISSUES + "/" + g.other() + "/scheduling").body(NOBODY)));
        e.add(new Endpoint("POST " + ISSUES + "/{id}/return-to-draft", SECRETARIAT_ONLY, AccessMatrixTest::scheduledIssue,
                (g, api) -> api.post(ISSUES + "/" + g.other() + "/return-to-draft")));
        e.add(new Endpoint("POST " + ISSUES + "/{id}/cancellation", SECRETARIAT_ONLY, AccessMatrixTest::draftIssue,
                (g, api) -> api.post(ISSUES + "/" + g.other() + "/cancellation").body(Map.of("reason", "行列テスト"))));
        e.add(new Endpoint("POST " + ISSUES + "/{id}/sending", SECRETARIAT_ONLY, AccessMatrixTest::scheduledIssue,
                (g, api) -> api.post(ISSUES + "/" + g.other() + "/sending")));
        e.add(new Endpoint("GET " + ISSUES + "/{id}/sending", SECRETARIAT_ONLY, AccessMatrixTest::startedIssue,
                (g, api) -> api.get(ISSUES + "/" + g.other() + "/sending")));
        e.add(new Endpoint("GET " + ISSUES + "/{id}/preview", SECRETARIAT_ONLY, AccessMatrixTest::draftIssue,
                (g, api) -> api.get(ISSUES + "/" + g.other() + "/preview?audience=PUBLIC")));
        e.add(new Endpoint("POST " + ISSUES + "/{id}/test-sending", SECRETARIAT_ONLY, AccessMatrixTest::draftIssue,
                (g, api) -> api.post(ISSUES + "/" + g.other() + "/test-sending")
                               .body(Map.of("addresses", List.of("matrix-test@example.jp")))));
        e.add(new Endpoint("GET /api/v1/newsletter/recipient-count", SECRETARIAT_ONLY,
                (g, api) -> api.get("/api/v1/newsletter/recipient-count?audience=MEMBERS&prefecture=47")));
        return e;
    }

    /** A segment no test's member is in (an unknown field of a member in Okinawa), so a matrix issue mails nobody. */
    private static final Map<String, Object> NOBODY = Map.of("segment", Map.of("audience", "MEMBERS",
            "prefectureCodes", List.of("47"), "categories", List.of("SUPPORTING")));

    /** A draft with one item: {@code other} the issue, {@code contactId} the item. */
    private Given draftIssue() {
        Api.Response created = api.post(ISSUES).token(TestTokens.secretariat()).body(Map.of("subject", "行列テスト号",
                "plannedSendAt", java.time.Instant.now().plusSeconds(86_400).toString())).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String issue = created.json().get("issueId").asText();
        Api.Response item = api.post(ISSUES + "/" + issue + "/items").token(TestTokens.secretariat()).body(Map.of(
                "sectionKey", "notices", "content", Map.of("title", "研修会のご案内", "body", "**6月14日**に開催します。"))).send();
        assertThat(item.status()).as(item.toString()).isEqualTo(201);
        awaitProjections();
        return new Given(shared.organizationId(), item.etag(), item.json().get("itemId").asText(), null, issue);
    }

    private Given scheduledIssue() {
        Given draft = draftIssue();
        Api.Response scheduled = api.post(ISSUES + "/" + draft.other() + "/scheduling").token(TestTokens.secretariat())
                                    .body(NOBODY).send();
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(200);
        return draft;
    }

    /** An issue whose sending started (its sending's row written). */
    private Given startedIssue() {
        Given scheduled = scheduledIssue();
        Api.Response started = api.post(ISSUES + "/" + scheduled.other() + "/sending").token(TestTokens.secretariat()).send();
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> api
                .get(ISSUES + "/" + scheduled.other() + "/sending").token(TestTokens.secretariat()).send().status() == 200);
        return scheduled;
    }
}
