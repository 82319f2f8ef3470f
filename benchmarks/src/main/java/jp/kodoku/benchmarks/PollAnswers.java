package jp.kodoku.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.kodoku.platform.membership.api.ApproveMembershipApplication;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.membership.api.SubmitMembershipApplication;
import jp.kodoku.platform.subcommittees.api.AddSubcommitteeMember;
import jp.kodoku.platform.subcommittees.api.CreateSubcommittee;
import jp.kodoku.platform.subcommittees.api.OpenDatePoll;
import jp.kodoku.platform.subcommittees.api.PollId;
import jp.kodoku.platform.subcommittees.api.PollSlot;
import jp.kodoku.platform.subcommittees.api.SubcommitteeId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Poll answers from 50 concurrent member admins on one date poll (issue 11): each of 50 member organizations' admins,
 * signed in with a real token, changes its answer {@value #ROUNDS} times through {@code PUT …/answers/{organizationId}},
 * all at once. Reported: answers per second, against one admin answering alone in the same run (the ratio shows what
 * concurrency on one poll aggregate costs or gains), and whether any answer was lost: every organization's row in the
 * table must be the last answer it sent, and the poll's stream must hold one event per answer that changed something.
 * In the full run after the events portal; alone with {@code -Dbench.polls.only=true}.
 */
final class PollAnswers {

    static final int ADMINS = 50;
    static final int ROUNDS = 10;
    private static final String PASSWORD = "bench-poll-password";
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final String[] CHOICES = {"YES", "MAYBE", "NO"};

    private final Platform platform;
    private final Results results;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();

    PollAnswers(Platform platform, Results results) {
        this.platform = platform;
        this.results = results;
    }

    /** {@code -Dbench.polls.only=true}: only these figures, on the platform started here. */
    static boolean alone() {
        return Boolean.getBoolean("bench.polls.only");
    }

    static void runAlone(Platform platform, Results results) throws Exception {
        results.note("POLL ANSWERS ONLY (bench.polls.only): " + ADMINS + " member admins answering one date poll");
        platform.startApplication();
        try {
            new PollAnswers(platform, results).run();
        } finally {
            platform.stopApplication();
        }
    }

    void run() throws Exception {
        CommandGateway commands = platform.commands();
        List<String> organizations = new ArrayList<>();
        for (int i = 0; i < ADMINS + 1; i++) {
            SubmitMembershipApplication submit = Organizations.application(Organizations.next());
            commands.sendAndWait(Organizations.message(submit));
            commands.sendAndWait(Organizations.message(new ApproveMembershipApplication(submit.organizationId(), null,
                    LocalDate.of(2024, 4, 1))));
            organizations.add(submit.organizationId().value());
        }
        String alone = organizations.remove(ADMINS);
        SubcommitteeId subcommittee = SubcommitteeId.ofNumber(900);
        commands.sendAndWait(Organizations.message(new CreateSubcommittee(subcommittee, 900, "ベンチマーク分科会", null,
                List.of(new OrganizationId(organizations.get(0))))));
        for (String organization : organizations.subList(1, ADMINS)) {
            commands.sendAndWait(Organizations.message(new AddSubcommitteeMember(subcommittee, null, new OrganizationId(organization))));
        }
        commands.sendAndWait(Organizations.message(new AddSubcommitteeMember(subcommittee, null, new OrganizationId(alone))));
        LocalDate today = LocalDate.now(JAPAN);
        List<String> slots = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
        PollId poll = new PollId(UUID.randomUUID().toString());
        PollId soloPoll = new PollId(UUID.randomUUID().toString());
        for (PollId p : List.of(poll, soloPoll)) {
            commands.sendAndWait(Organizations.message(new OpenDatePoll(p, subcommittee, "ベンチマーク 日程調整",
                    today.plusDays(7).atTime(17, 0), List.of(new PollSlot(slots.get(0), today.plusDays(10), LocalTime.of(14, 0),
                            LocalTime.of(16, 0)), new PollSlot(slots.get(1), today.plusDays(11), null, null),
                            new PollSlot(slots.get(2), today.plusDays(12), LocalTime.of(10, 0), LocalTime.of(12, 0))))));
        }
        if (!platform.awaitProjections(Duration.ofMinutes(2))) {
            results.note("poll answers: projections had not caught up before the answers");
        }
        List<String> tokens = new ArrayList<>();
        for (String organization : organizations) {
            tokens.add(memberAdminToken(organization));
        }
        String aloneToken = memberAdminToken(alone);

        // baseline: one admin alone, the same number of answers one after the other (its own poll, same subcommittee)
        long b0 = System.nanoTime();
        for (int round = 0; round < ROUNDS * 5; round++) {
            answer(subcommittee, soloPoll, alone, aloneToken, slots, round);
        }
        double soloRate = ROUNDS * 5 / ((System.nanoTime() - b0) / 1e9);

        ExecutorService pool = Executors.newFixedThreadPool(ADMINS);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger retries = new AtomicInteger();
        List<Future<Integer>> sent = new ArrayList<>();
        try {
            for (int a = 0; a < ADMINS; a++) {
                int admin = a;
                sent.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < ROUNDS; round++) {
                        while (!answer(subcommittee, poll, organizations.get(admin), tokens.get(admin), slots, admin + round)) {
                            retries.incrementAndGet(); // 409 concurrent change: what a client does is send it again
                        }
                    }
                    return ROUNDS;
                }));
            }
            long t0 = System.nanoTime();
            start.countDown();
            int answers = 0;
            for (Future<Integer> f : sent) {
                answers += f.get();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double rate = answers / seconds;

            platform.awaitProjections(Duration.ofMinutes(2));
            int lost = lost(subcommittee, poll, organizations, slots);
            Long events = platform.jdbc().queryForObject(
                    "SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE '%DatePollAnswered'",
                    Long.class, poll.value());
            results.rate("poll.answers", "poll answers/s, " + ADMINS + " member admins at once on one poll", rate, "ops/s",
                    soloRate, "one admin alone", null, String.format(Locale.ROOT,
                            "%d answers, %d retried after 409, %d lost; %d answer events in the poll's stream", answers,
                            retries.get(), lost, events));
            // the target for this benchmark: none lost (the rate is reported, with no target of its own)
            results.ceiling("poll.answers.lost", "poll answers lost, " + ADMINS + " admins at once", lost, "organizations",
                    null, null, 1.0, "organizations whose row in the table is not the last answer they sent");
            results.detail("pollAnswersLost", lost);
            if (lost > 0) {
                results.note("POLL ANSWERS LOST: " + lost + " organizations' last answers are not in the table");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The admin's answer of this round (every round changes it); false on 409, the concurrent change to retry. */
    private boolean answer(SubcommitteeId subcommittee, PollId poll, String organization, String token, List<String> slots,
                           int round) throws Exception {
        String body = json.writeValueAsString(Map.of("answers", answers(slots, round)));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.port() + "/api/v1/subcommittees/"
                        + subcommittee.value() + "/polls/" + poll.value() + "/answers/" + organization))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 409) {
            return false;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("answer refused: " + response.statusCode() + " " + response.body());
        }
        return true;
    }

    private static Map<String, Map<String, String>> answers(List<String> slots, int round) {
        return Map.of(slots.get(0), Map.of("choice", CHOICES[round % 3]), slots.get(1), Map.of("choice", CHOICES[(round + 1) % 3]),
                slots.get(2), Map.of("choice", CHOICES[(round + 2) % 3]));
    }

    /** Organizations whose row in the table is not the last answer they sent. */
    private int lost(SubcommitteeId subcommittee, PollId poll, List<String> organizations, List<String> slots) throws Exception {
        String token = platform.keycloak.passwordToken("jimukyoku", "jimukyoku-demo");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.port() + "/api/v1/subcommittees/"
                + subcommittee.value() + "/polls/" + poll.value())).header("Authorization", "Bearer " + token).GET().build();
        JsonNode table = json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        int lost = 0;
        for (int admin = 0; admin < organizations.size(); admin++) {
            Map<String, Map<String, String>> expected = answers(slots, admin + ROUNDS - 1);
            String organization = organizations.get(admin);
            JsonNode row = null;
            for (JsonNode r : table.path("answers")) {
                if (r.path("organization").path("id").asText().equals(organization)) {
                    row = r;
                }
            }
            JsonNode found = row;
            boolean kept = found != null && expected.entrySet().stream().allMatch(e ->
                    e.getValue().get("choice").equals(found.path("answers").path(e.getKey()).path("choice").asText()));
            lost += kept ? 0 : 1;
        }
        return lost;
    }

    private String memberAdminToken(String organization) {
        var realm = platform.keycloak.admin().realm("platform");
        String username = "bench-admin-" + organization;
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setEmail(username + "@bench.example.jp");
        user.setEmailVerified(true);
        user.setFirstName("ベンチ");
        user.setLastName("管理者");
        user.setAttributes(Map.of("organization_id", List.of(organization)));
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        realm.users().create(user).close();
        String id = realm.users().search(username, true).get(0).getId();
        realm.users().get(id).roles().realmLevel().add(List.of(realm.roles().get("member-admin").toRepresentation()));
        return platform.keycloak.passwordToken(username, PASSWORD);
    }
}
