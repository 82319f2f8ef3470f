package jp.kodoku.platform.gateway.support;

import jp.kodoku.platform.subcommittees.api.MeetingId;
import jp.kodoku.platform.subcommittees.api.PollId;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Steps the subcommittee tests share: set one up, appoint a chair through the API (which gives the account its
 * claim in the real Keycloak) and sign in as that chair. Numbers start at 10 and rise through the run: 1–3 are the
 * demo's, and the demo chair (bunkakai-3) must stay the chair of another subcommittee for every test.
 */
public final class Subcommittees {

    private static final AtomicInteger NUMBERS = new AtomicInteger(10);

    private final Api api;

    public Subcommittees(Api api) {
        this.api = api;
    }

    /** A chair: its account id, and a token taken after the appointment (so it carries the claim). */
    public record Chair(String userId, String username, String token) {
    }

    public static int nextNumber() {
        return NUMBERS.getAndIncrement();
    }

    /** Sets up a subcommittee led by these (active) organizations; returns its id. */
    public String create(String... leadOrganizationIds) {
        int number = nextNumber();
        Api.Response created = api.post("/api/v1/subcommittees").token(TestTokens.secretariat())
                                  .body(Map.of("number", number, "title", "テスト分科会" + number,
                                          "theme", "相談支援の連携を検討する。", "leadOrganizationIds", List.of(leadOrganizationIds)))
                                  .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("subcommitteeId").asText();
        // Its endpoints check access against the read model: wait for it, as a client that got the 201 would.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
               .until(() -> api.get("/api/v1/subcommittees/" + id).send().status() == 200);
        return id;
    }

    /** Appoints a new account acting for the lead organization as the subcommittee's chair, and signs it in. */
    public Chair appointChair(String subcommitteeId, String leadOrganizationId) {
        String[] account = TestTokens.accountFor(leadOrganizationId);
        Api.Response appointed = api.post("/api/v1/subcommittees/" + subcommitteeId + "/chairs")
                                    .token(TestTokens.secretariat()).body(Map.of("userId", account[1])).send();
        assertThat(appointed.status()).as(appointed.toString()).isEqualTo(200);
        return new Chair(account[1], account[0], TestTokens.tokenOf(account[0]));
    }

    /**
     * A meeting of the subcommittee, scheduled the way meetings are: the chair opens a date poll with one slot ten days
     * ahead and confirms it. Returns the meeting's id once the meetings API shows it.
     */
    public String meetingFromPoll(String subcommitteeId, Chair chair, String title) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        Api.Response opened = post(subcommitteeId, "/polls", chair.token(),
                Map.of("title", title, "deadline", today.plusDays(3) + "T17:00",
                        "slots", List.of(Map.of("date", today.plusDays(10).toString(), "start", "14:00", "end", "16:00"))));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String poll = opened.json().get("pollId").asText();
        assertThat(post(subcommitteeId, "/polls/" + poll + "/confirmation", chair.token(),
                Map.of("slotId", opened.json().get("slotIds").get(0).asText())).status()).isEqualTo(200);
        String meeting = MeetingId.fromPoll(new PollId(poll)).value();
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                api.get("/api/v1/subcommittees/" + subcommitteeId + "/meetings/" + meeting).token(chair.token()).send()
                   .status()).isEqualTo(200));
        return meeting;
    }

    public Api.Response post(String subcommitteeId, String path, String token, Map<String, ?> body) {
        return api.post("/api/v1/subcommittees/" + subcommitteeId + path).token(token).body(body).send();
    }
}
