package jp.kodoku.platform.gateway.events;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.Mailbox;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Events;
import jp.kodoku.platform.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static jp.kodoku.platform.gateway.support.Events.with;
import static jp.kodoku.platform.gateway.support.Events.workshop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reminders of issue 12, through the real platform: db-scheduler's executions (read with its own client) say when a
 * reminder is due, and GreenMail receives it. The events' workshop reminds 3 days and 2 hours before its start.
 * Nothing waits for the clock: a reminder is made due now with db-scheduler's own reschedule.
 */
class EventRemindersTest extends ApiTest {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final String TASK = "events.reminder";

    @Autowired
    private SchedulerClient scheduler;

    @Autowired
    private GreenMail greenMail;

    private Events events() {
        return new Events(api);
    }

    @Test
    void a_confirmed_seat_is_reminded_the_set_days_and_hours_before_the_start() {
        Map<String, Object> details = workshop(10);
        String id = events().published(details);
        String registration = events().register(id, TestTokens.memberAdmin(UUID.randomUUID().toString()), 1)
                                      .json().get("registrationId").asText();
        Instant start = start(details);

        assertThat(awaitReminder(registration, "days")).isEqualTo(start.minus(Duration.ofDays(3)));
        assertThat(awaitReminder(registration, "hours")).isEqualTo(start.minus(Duration.ofHours(2)));
    }

    @Test
    void a_waitlisted_registration_has_no_reminder_until_it_is_promoted() {
        String id = events().published(workshop(3));
        String sakura = UUID.randomUUID().toString();
        String first = events().register(id, TestTokens.memberAdmin(sakura), 3).json().get("registrationId").asText();
        String waiting = events().register(id, TestTokens.memberAdmin(UUID.randomUUID().toString()), 1)
                                 .json().get("registrationId").asText();
        awaitReminder(first, "hours");
        awaitProjections(); // the mail processor too
        assertThat(reminder(waiting, "days")).isEmpty();
        assertThat(reminder(waiting, "hours")).isEmpty();

        Api.Response cancelled = api.delete("/api/v1/organizations/" + sakura + "/event-registrations/" + id + "/" + first)
                                    .token(TestTokens.memberAdmin(sakura)).send();
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

        awaitReminder(waiting, "days");
        awaitReminder(waiting, "hours");
    }

    @Test
    void a_cancelled_registration_keeps_no_reminder() {
        String id = events().published(workshop(10));
        String sakura = UUID.randomUUID().toString();
        String registration = events().register(id, TestTokens.memberAdmin(sakura), 2).json().get("registrationId").asText();
        awaitReminder(registration, "days");

        Api.Response cancelled = api.delete("/api/v1/organizations/" + sakura + "/event-registrations/" + id + "/"
                + registration).token(TestTokens.memberAdmin(sakura)).send();
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

        awaitGone(registration, "days");
        awaitGone(registration, "hours");
    }

    @Test
    void a_cancelled_event_keeps_no_reminder() {
        String id = events().published(workshop(10));
        String registration = events().register(id, TestTokens.memberAdmin(UUID.randomUUID().toString()), 1)
                                      .json().get("registrationId").asText();
        awaitReminder(registration, "hours");

        Api.Response cancelled = api.post("/api/v1/events/" + id + "/cancellation").token(TestTokens.secretariat())
                                    .body(Map.of("reason", "台風の接近のため")).send();
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

        awaitGone(registration, "days");
        awaitGone(registration, "hours");
    }

    @Test
    void a_rescheduled_event_moves_the_reminders_with_its_start() {
        Map<String, Object> details = workshop(10);
        String id = events().published(details);
        String registration = events().register(id, TestTokens.memberAdmin(UUID.randomUUID().toString()), 1)
                                      .json().get("registrationId").asText();
        awaitReminder(registration, "hours");
        LocalDate later = LocalDate.now(JAPAN).plusMonths(2);

        Api.Response moved = api.post("/api/v1/events/" + id + "/rescheduling").token(TestTokens.secretariat())
                                .body(Map.of("schedule", Map.of("startDate", later.toString(), "startTime", "10:00",
                                                "endDate", later.toString(), "endTime", "12:00"),
                                        "reason", "会場の都合により延期します")).send();
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);

        Instant newStart = later.atTime(10, 0).atZone(JAPAN).toInstant();
        awaitReminderAt(registration, "days", newStart.minus(Duration.ofDays(3)));
        awaitReminderAt(registration, "hours", newStart.minus(Duration.ofHours(2)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void revised_reminder_settings_move_the_planned_reminders() {
        Map<String, Object> details = workshop(10);
        String id = events().published(details);
        String registration = events().register(id, TestTokens.memberAdmin(UUID.randomUUID().toString()), 1)
                                      .json().get("registrationId").asText();
        awaitReminder(registration, "days");
        awaitProjections();
        String etag = api.get("/api/v1/events/" + id).token(TestTokens.secretariat()).send().header("ETag");
        Map<String, Object> registrationSettings = new java.util.LinkedHashMap<>((Map<String, Object>) details.get("registration"));
        registrationSettings.put("reminderDaysBefore", 7);
        registrationSettings.remove("reminderHoursBefore");

        Api.Response revised = api.put("/api/v1/events/" + id).token(TestTokens.secretariat()).header("If-Match", etag)
                                  .body(with(details, "registration", registrationSettings)).send();
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);

        awaitReminderAt(registration, "days", start(details).minus(Duration.ofDays(7)));
        awaitGone(registration, "hours");
    }

    @Test
    void a_due_reminder_is_mailed_to_the_registrant_once_even_if_it_runs_twice() throws Exception {
        String id = events().published(workshop(10));
        String email = "reminder-" + UUID.randomUUID() + "@example.jp";
        Api.Response received = api.post("/api/v1/events/" + id + "/public-registrations")
                                   .body(Map.of("name", "佐藤 花子", "email", email, "seats", 1)).send();
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        String registration = received.json().get("registrationId").asText();
        Api.Response confirmed = api.post("/api/v1/events/" + id + "/registrations/confirmation")
                                    .body(Map.of("token", mailedConfirmationToken(id, email))).send();
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        awaitReminder(registration, "hours");
        TaskInstanceId hours = TaskInstanceId.of(TASK, registration + "/hours");
        Object planned = scheduler.getScheduledExecution(hours).orElseThrow().getData();

        scheduler.reschedule(hours, Instant.now());
        awaitGone(registration, "hours");
        await().atMost(Duration.ofSeconds(60)).until(() -> reminderMails(email) == 1);

        scheduler.scheduleIfNotExists(new TaskInstance<>(TASK, registration + "/hours", planned), Instant.now());
        awaitGone(registration, "hours");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE dedupe_key LIKE ?", Long.class,
                "events/reminder/" + registration + "/%")).isEqualTo(1);
        assertThat(reminderMails(email)).isEqualTo(1);
    }

    @Test
    void a_due_reminder_of_a_cancelled_registration_mails_nothing() throws Exception {
        String id = events().published(workshop(10));
        String email = "cancelled-" + UUID.randomUUID() + "@example.jp";
        Api.Response received = api.post("/api/v1/events/" + id + "/public-registrations")
                                   .body(Map.of("name", "鈴木 一郎", "email", email, "seats", 1)).send();
        String registration = received.json().get("registrationId").asText();
        String link = received.json().get("accessUrl").asText();
        api.post("/api/v1/events/" + id + "/registrations/confirmation")
           .body(Map.of("token", mailedConfirmationToken(id, email))).send();
        awaitReminder(registration, "days");
        Object planned = scheduler.getScheduledExecution(TaskInstanceId.of(TASK, registration + "/days")).orElseThrow().getData();
        assertThat(api.delete(link).send().status()).isEqualTo(200);
        awaitGone(registration, "days");
        awaitProjections(); // the mail processor too

        // a reminder already claimed when the cancellation came runs anyway: it must find the seat given up
        scheduler.scheduleIfNotExists(new TaskInstance<>(TASK, registration + "/days", planned), Instant.now());
        awaitGone(registration, "days");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE dedupe_key LIKE ?", Long.class,
                "events/reminder/" + registration + "/%")).isZero();
    }

    private static Instant start(Map<String, Object> details) {
        Map<?, ?> schedule = (Map<?, ?>) details.get("schedule");
        return LocalDate.parse(schedule.get("startDate").toString())
                        .atTime(LocalTime.parse(schedule.get("startTime").toString())).atZone(JAPAN).toInstant();
    }

    private Optional<Instant> reminder(String registration, String kind) {
        return scheduler.getScheduledExecution(TaskInstanceId.of(TASK, registration + "/" + kind))
                        .map(ScheduledExecution::getExecutionTime);
    }

    private Instant awaitReminder(String registration, String kind) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> reminder(registration, kind), Optional::isPresent)
                      .orElseThrow();
    }

    private void awaitReminderAt(String registration, String kind, Instant at) {
        await().atMost(Duration.ofSeconds(30)).until(() -> reminder(registration, kind), r -> r.equals(Optional.of(at)));
    }

    private void awaitGone(String registration, String kind) {
        await().atMost(Duration.ofSeconds(60)).until(() -> reminder(registration, kind), Optional::isEmpty);
    }

    private long reminderMails(String email) throws Exception {
        long count = 0;
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            if (message.getSubject().startsWith("【リマインド】") && message.getAllRecipients()[0].toString().equals(email)) {
                count++;
            }
        }
        return count;
    }

    private String mailedConfirmationToken(String eventId, String email) {
        Pattern link = Pattern.compile("/events/" + eventId + "/registrations/confirm\\?token=([A-Za-z0-9_-]+)");
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (MimeMessage message : greenMail.getReceivedMessages()) {
                if (message.getAllRecipients()[0].toString().equals(email)) {
                    Matcher found = link.matcher(Mailbox.text(message));
                    if (found.find()) {
                        return found.group(1);
                    }
                }
            }
            return null;
        }, java.util.Objects::nonNull);
    }
}
