package jp.kodoku.platform.gateway.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Events;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.Subcommittees;
import jp.kodoku.platform.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;

import org.awaitility.Awaitility;

import java.io.StringReader;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The activity feed through the HTTP API with real tokens: who reads what, cursor pages, the public Atom and JSON Feed. */
class ActivityFeedApiTest extends ApiTest {

    private final Members members() {
        return new Members(api);
    }

    private List<String> texts(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> texts = new ArrayList<>();
        response.json().get("entries").forEach(e -> texts.add(e.get("text").asText()));
        return texts;
    }

    private static String nameOf(Map<String, Object> application) {
        return Samples.profileOf(application).get("name").toString();
    }

    @Test
    void the_public_reads_public_facts_a_member_admin_also_its_subcommittees_and_members_only_ones_the_secretariat_everything() {
        Map<String, Object> leadApplication = Samples.application();
        String lead = members().activeMember(leadApplication);
        String outsider = members().activeMember(Samples.application());
        String subcommittee = new Subcommittees(api).create(lead);
        String assembly = "令和8年度 総会 " + UUID.randomUUID();
        new Events(api).published(Events.with(Events.workshop(30), "kind", "GENERAL_ASSEMBLY", "title", assembly));
        awaitProjections();
        String joined = nameOf(leadApplication) + "が会員になりました";
        String inSubcommittee = nameOf(leadApplication) + "が分科会" + subcommittee.substring("bunkakai-".length())
                                + "に参加しました";
        String applied = nameOf(leadApplication) + "から入会の申込がありました";
        String assemblyNews = "総会「" + assembly + "」を";

        List<String> anyone = texts(api.get("/api/v1/feed?organization=" + lead).send());
        List<String> admin = texts(api.get("/api/v1/feed?organization=" + lead).token(TestTokens.memberAdmin(lead)).send());
        List<String> other = texts(api.get("/api/v1/feed?organization=" + lead).token(TestTokens.memberAdmin(outsider)).send());
        List<String> secretariat = texts(api.get("/api/v1/feed?organization=" + lead).token(TestTokens.secretariat()).send());

        assertThat(anyone).contains(joined).doesNotContain(inSubcommittee, applied);
        assertThat(admin).contains(joined, inSubcommittee).doesNotContain(applied);
        assertThat(other).contains(joined).doesNotContain(inSubcommittee, applied);
        assertThat(secretariat).contains(joined, inSubcommittee, applied);
        assertThat(texts(api.get("/api/v1/feed?kind=EVENT_PUBLISHED&limit=200").send())).noneMatch(t -> t.startsWith(assemblyNews));
        assertThat(texts(api.get("/api/v1/feed?kind=EVENT_PUBLISHED&limit=200").token(TestTokens.memberAdmin(outsider)).send()))
                .anyMatch(t -> t.startsWith(assemblyNews));
    }

    @Test
    void a_meeting_marked_public_reaches_the_public_feed_and_leaves_it_when_it_is_members_only_again() {
        String lead = members().activeMember(Samples.application());
        Subcommittees subcommittees = new Subcommittees(api);
        String subcommittee = subcommittees.create(lead);
        Subcommittees.Chair chair = subcommittees.appointChair(subcommittee, lead);
        String meeting = subcommittees.meetingFromPoll(subcommittee, chair, "公開検討会の準備");
        String visibility = "/api/v1/subcommittees/" + subcommittee + "/meetings/" + meeting + "/visibility";
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> aboutMeeting(TestTokens.secretariat(), meeting),
                entries -> entries.size() == 1);
        assertThat(aboutMeeting(null, meeting)).isEmpty();

        assertThat(api.put(visibility).token(chair.token()).body(Map.of("publicMeeting", true)).send().status())
                .isEqualTo(200);

        List<JsonNode> told = Awaitility.await().atMost(Duration.ofSeconds(60))
                                        .until(() -> aboutMeeting(null, meeting), entries -> entries.size() == 1);
        assertThat(told.get(0).get("text").asText()).contains("の会議「公開検討会の準備」を");
        assertThat(told.get(0).get("audience").asText()).isEqualTo("PUBLIC");
        assertThat(api.put(visibility).token(chair.token()).body(Map.of("publicMeeting", false)).send().status())
                .isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> aboutMeeting(null, meeting), List::isEmpty);
    }

    /** The entries about this meeting in the feed as the token's holder reads it (null: the public). */
    private List<JsonNode> aboutMeeting(String token, String meeting) {
        Api.Call call = api.get("/api/v1/feed?kind=MEETING_SCHEDULED&limit=200");
        Api.Response response = (token == null ? call : call.token(token)).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> about = new ArrayList<>();
        response.json().get("entries").forEach(e -> {
            if (e.get("link").asText().endsWith("/meetings/" + meeting)) {
                about.add(e);
            }
        });
        return about;
    }

    @Test
    void pages_follow_each_other_by_an_opaque_cursor_in_one_stable_order() {
        String organization = members().activeMember(Samples.application());
        new Subcommittees(api).create(organization);
        new Subcommittees(api).create(organization);
        awaitProjections();
        String filter = "/api/v1/feed?organization=" + organization;
        List<String> all = ids(api.get(filter).token(TestTokens.secretariat()).send().json());

        List<String> paged = new ArrayList<>();
        String next = filter + "&limit=2";
        while (next != null) {
            JsonNode page = api.get(next).token(TestTokens.secretariat()).send().json();
            paged.addAll(ids(page));
            next = page.get("nextCursor").isNull() ? null : filter + "&limit=2&cursor=" + page.get("nextCursor").asText();
        }

        assertThat(all).hasSize(6);
        assertThat(paged).isEqualTo(all);
    }

    @Test
    void a_rebuild_through_the_api_makes_the_same_feed_again() {
        String organization = members().activeMember(Samples.application());
        new Subcommittees(api).create(organization);
        awaitProjections();
        String filter = "/api/v1/feed?limit=200&organization=" + organization;
        String before = api.get(filter).token(TestTokens.secretariat()).send().json().get("entries").toString();

        Api.Response rebuild = api.post("/api/v1/admin/projections/activity/rebuild").token(TestTokens.secretariat()).send();
        assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(202);
        awaitProjections();

        assertThat(api.get(filter).token(TestTokens.secretariat()).send().json().get("entries").toString())
                .isEqualTo(before).contains("が会員になりました");
    }

    @Test
    void the_public_feed_parses_as_atom_and_as_json_feed_1_1_and_holds_no_entry_the_public_may_not_read() throws Exception {
        Map<String, Object> application = Samples.application();
        String member = members().activeMember(application);
        new Subcommittees(api).create(member);
        String assembly = "幹事会 " + UUID.randomUUID();
        new Events(api).published(Events.with(Events.workshop(30), "kind", "STEERING_COMMITTEE", "title", assembly));
        awaitProjections();
        List<String> notPublic = new ArrayList<>();
        api.get("/api/v1/feed?limit=200").token(TestTokens.secretariat()).send().json().get("entries").forEach(e -> {
            if (!e.get("audience").asText().equals("PUBLIC")) {
                notPublic.add(e.get("id").asText());
            }
        });
        assertThat(notPublic).isNotEmpty();

        SyndFeed atom = publicAtomHolding(nameOf(application) + "が会員になりました", null);
        Api.Response atomResponse = api.get("/api/v1/feed.atom").send();
        assertThat(atomResponse.status()).as(atomResponse.toString()).isEqualTo(200);
        assertThat(atomResponse.header("Content-Type")).startsWith("application/atom+xml");
        assertThat(api.get("/api/v1/feed.atom").header("If-None-Match", atomResponse.etag()).send().status())
                .isIn(200, 304);
        assertThat(atom.getFeedType()).isEqualTo("atom_1.0");
        assertThat(atom.getEntries()).isNotEmpty();
        assertThat(atom.getEntries()).extracting(SyndEntry::getTitle).contains(nameOf(application) + "が会員になりました")
                                     .noneMatch(t -> t.contains(assembly));
        assertThat(atom.getEntries()).extracting(SyndEntry::getUri)
                                     .noneMatch(uri -> notPublic.stream().anyMatch(id -> uri.endsWith("/" + id)));
        assertThat(atom.getEntries()).allSatisfy(e -> {
            assertThat(e.getLink()).startsWith("http");
            assertThat(e.getUpdatedDate()).isNotNull();
        });

        Api.Response[] json = new Api.Response[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
            json[0] = api.get("/api/v1/feed.json").send();
            assertThat(json[0].json().get("items").findValuesAsText("id")).containsExactlyElementsOf(
                    atom.getEntries().stream().map(SyndEntry::getUri).toList());
        });
        Api.Response jsonResponse = json[0];
        assertThat(jsonResponse.header("Content-Type")).startsWith("application/feed+json");
        List<Error> errors = jsonFeedSchema().getSchema(SchemaLocation.of(SCHEMA))
                .validate(new tools.jackson.databind.ObjectMapper().readTree(jsonResponse.text()));
        assertThat(errors).isEmpty();
        JsonNode jsonFeed = jsonResponse.json();
        List<String> itemIds = jsonFeed.get("items").findValuesAsText("id");
        assertThat(itemIds).hasSameSizeAs(atom.getEntries())
                           .containsExactlyElementsOf(atom.getEntries().stream().map(SyndEntry::getUri).toList());
        assertThat(itemIds).noneMatch(uri -> notPublic.stream().anyMatch(id -> uri.endsWith("/" + id)));
    }

    @Test
    void a_member_admins_token_does_not_widen_the_public_feed() throws Exception {
        String assembly = "総会 " + UUID.randomUUID();
        new Events(api).published(Events.with(Events.workshop(30), "kind", "GENERAL_ASSEMBLY", "title", assembly));
        Map<String, Object> application = Samples.application();
        String member = members().activeMember(application);
        awaitProjections();

        SyndFeed atom = publicAtomHolding(nameOf(application) + "が会員になりました", TestTokens.memberAdmin(member));

        assertThat(atom.getEntries()).extracting(SyndEntry::getTitle).noneMatch(t -> t.contains(assembly));
    }

    @Test
    void a_member_admins_personal_feed_holds_its_subcommittees_entries_until_the_token_is_revoked() throws Exception {
        Map<String, Object> application = Samples.application();
        String member = members().activeMember(application);
        String subcommittee = new Subcommittees(api).create(member);
        awaitProjections();
        Api.Response issued = api.post("/api/v1/feed-tokens").token(TestTokens.memberAdmin(member))
                                 .body(Map.of("feed", "activity", "label", "事務所のPC")).send();
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String atomPath = java.net.URI.create(issued.json().get("url").asText()).getPath();
        String joined = nameOf(application) + "が分科会" + subcommittee.substring("bunkakai-".length()) + "に参加しました";

        SyndFeed atom = new SyndFeedInput().build(new StringReader(api.get(atomPath).send().text()));
        assertThat(atom.getEntries()).extracting(SyndEntry::getTitle).contains(joined);
        Api.Response json = api.get(atomPath.replace(".atom", ".json")).send();
        assertThat(jsonFeedSchema().getSchema(SchemaLocation.of(SCHEMA))
                .validate(new tools.jackson.databind.ObjectMapper().readTree(json.text()))).isEmpty();
        assertThat(json.json().get("items").findValuesAsText("content_text")).contains(joined);
        Map<String, Object> later = Samples.application();
        members().activeMember(later);
        awaitProjections();
        assertThat(publicAtomHolding(nameOf(later) + "が会員になりました", null).getEntries())
                .extracting(SyndEntry::getTitle).doesNotContain(joined);

        Api.Response revoked = api.delete("/api/v1/feed-tokens/" + issued.json().get("id").asText())
                                  .token(TestTokens.memberAdmin(member)).send();
        assertThat(revoked.status()).as(revoked.toString()).isBetween(200, 204);
        assertThat(api.get(atomPath).send().status()).isEqualTo(404);
        assertThat(api.get(atomPath.replace(".atom", ".json")).send().status()).isEqualTo(404);
    }

    @Test
    void a_bad_cursor_a_backwards_time_range_and_an_unknown_kind_are_problems_naming_the_parameter() {
        assertThat(problemField(api.get("/api/v1/feed?cursor=not-a-cursor").send())).isEqualTo("cursor");
        assertThat(problemField(api.get("/api/v1/feed?from=2026-05-01&to=2026-04-01").send())).isEqualTo("to");
        assertThat(problemField(api.get("/api/v1/feed?from=1800-01-01").send())).isEqualTo("from");
        assertThat(problemField(api.get("/api/v1/feed?kind=GOSSIP").send())).isEqualTo("kind");
        assertThat(problemField(api.get("/api/v1/feed?organization=" + "%24ne").send())).isEqualTo("organization");
    }

    /**
     * The public Atom feed once it holds this title: the files are kept a few seconds (PublicFeedCache), so a reader
     * sees a new entry at most that much later.
     */
    private SyndFeed publicAtomHolding(String title, String token) {
        SyndFeed[] feed = new SyndFeed[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .ignoreExceptionsInstanceOf(com.rometools.rome.io.FeedException.class).untilAsserted(() -> {
                    Api.Call call = api.get("/api/v1/feed.atom");
                    if (token != null) {
                        call.token(token);
                    }
                    feed[0] = new SyndFeedInput().build(new StringReader(call.send().text()));
                    assertThat(feed[0].getEntries()).extracting(SyndEntry::getTitle).contains(title);
                });
        return feed[0];
    }

    private static String problemField(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        return response.json().path("errors").get(0).get("field").asText();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("entries").forEach(e -> ids.add(e.get("id").asText()));
        return ids;
    }

    private static final String SCHEMA = "https://kodoku-platform.example/schemas/jsonfeed-1.1.schema.json";

    private static SchemaRegistry jsonFeedSchema() throws java.io.IOException {
        try (var in = ActivityFeedApiTest.class.getResourceAsStream("/schemas/jsonfeed-1.1.schema.json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return SchemaRegistry.withDefaultDialect(Dialects.getDraft202012(), builder -> builder
                    .schemas(Map.of(SCHEMA, text))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        }
    }
}
