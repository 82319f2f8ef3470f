package jp.kodoku.platform.events.notifications;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import jp.kodoku.platform.events.EventIcs;
import jp.kodoku.platform.events.api.*;
import jp.kodoku.platform.infra.calendar.IcsCalendar;
import jp.kodoku.platform.infra.mail.Mail;
import jp.kodoku.platform.infra.mail.MailAttachment;
import jp.kodoku.platform.infra.mail.PlatformMail;
import jp.kodoku.platform.infra.personaldata.PersonalDataVault;
import jp.kodoku.platform.infra.personaldata.SealedValue;
import jp.kodoku.platform.infra.readmodel.ReadModelBatches;
import jp.kodoku.platform.infra.readmodel.VersionedDocuments;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The registrants' mails: the link that confirms a public registrant's address, the confirmation of a seat (with the
 * event's .ics), the promotion from the waitlist (mailed once: its outbox key is the registration's), and the reminders
 * N days and hours before the start, scheduled on db-scheduler when a seat is taken, dropped when it is given up or
 * the event is cancelled, moved when the event is rescheduled. A processor with side effects, so a processing group of
 * its own ({@value #GROUP}); every mail goes through the outbox with a key that makes a redelivered event send nothing
 * twice.
 */
@Component
@ProcessingGroup(RegistrationMails.GROUP)
class RegistrationMails {

    static final String GROUP = "events-portal-mail";
    static final String REMINDER_TASK = "events.reminder";

    private final VersionedDocuments<EventMailState> states;
    private final MongoTemplate mongo;
    private final PlatformMail mail;
    private final PersonalDataVault vault;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final String baseUrl;

    RegistrationMails(ReadModelBatches batches, MongoTemplate mongo, PlatformMail mail, PersonalDataVault vault,
                      ObjectProvider<SchedulerClient> scheduler,
                      @Value("${platform.events.base-url:http://localhost:8080}") String baseUrl) {
        this.states = batches.versioned(EventMailState.class, EventMailState::new);
        this.mongo = mongo;
        this.mail = mail;
        this.vault = vault;
        this.scheduler = scheduler;
        this.baseUrl = baseUrl;
    }

    // ---- what the mails need of the event -------------------------------------------------------------------------

    @EventHandler
    void on(EventScheduled e, @SequenceNumber long seq) {
        apply(e.eventId(), seq, s -> details(s, e.details()));
    }

    @EventHandler
    void on(CampaignEventProposed e, @SequenceNumber long seq) {
        apply(e.eventId(), seq, s -> details(s, e.details()));
    }

    /** New reminder settings (or a draft's new time) move the reminders of every seat already taken. */
    @EventHandler
    void on(EventRevised e, @SequenceNumber long seq) {
        apply(e.eventId(), seq, s -> {
            Object before = Arrays.asList(s.startsAt, s.reminderDaysBefore, s.reminderHoursBefore);
            details(s, e.details());
            if (!before.equals(Arrays.asList(s.startsAt, s.reminderDaysBefore, s.reminderHoursBefore))) {
                replanReminders(e.eventId(), s);
            }
        });
    }

    /** The reminders of every seat move with the start. */
    @EventHandler
    void on(EventRescheduled e, @SequenceNumber long seq) {
        apply(e.eventId(), seq, s -> {
            schedule(s, e.schedule());
            replanReminders(e.eventId(), s);
        });
    }

    private void replanReminders(EventId eventId, EventMailState s) {
        s.registrations.forEach((id, r) -> {
            if (r.status() == RegistrationStatus.CONFIRMED) {
                dropReminders(id);
                planReminders(eventId.value(), id, s);
            }
        });
    }

    @EventHandler
    void on(EventCancelled e, @SequenceNumber long seq) {
        apply(e.eventId(), seq, s -> {
            s.cancelled = true;
            s.registrations.keySet().forEach(this::dropReminders);
        });
    }

    // ---- registrations --------------------------------------------------------------------------------------------

    @EventHandler
    void on(PublicRegistrationRequested e, @SequenceNumber long seq) {
        apply(e.eventId(), seq, s -> {
            s.registrations.put(e.registrationId().value(), new EventMailState.Recipient(e.registrant().name(),
                    e.registrant().email(), RegistrationStatus.PENDING_CONFIRMATION, e.seats()));
            String token = unseal(e.confirmationToken());
            if (token != null) {
                send(s, e.registrationId().value(), "confirm-address", "【確認】お申込みのメールアドレスの確認",
                        Map.of("confirmUrl", baseUrl + "/events/" + e.eventId().value() + "/registrations/confirm?token="
                                + token), false);
            }
        });
    }

    @EventHandler
    void on(RegistrationConfirmed e, @SequenceNumber long seq) {
        apply(e.eventId(), seq, s -> {
            s.registrations.put(e.registrationId().value(), new EventMailState.Recipient(e.registrant().name(),
                    e.registrant().email(), RegistrationStatus.CONFIRMED, e.seats()));
            send(s, e.registrationId().value(), "registered", "【受付完了】" + s.title, Map.of(), true);
            planReminders(e.eventId().value(), e.registrationId().value(), s);
        });
    }

    @EventHandler
    void on(RegistrationWaitlisted e, @SequenceNumber long seq) {
        apply(e.eventId(), seq, s -> {
            s.registrations.put(e.registrationId().value(), new EventMailState.Recipient(e.registrant().name(),
                    e.registrant().email(), RegistrationStatus.WAITLISTED, e.seats()));
            send(s, e.registrationId().value(), "waitlisted", "【キャンセル待ち】" + s.title,
                    Map.of("position", e.position()), false);
        });
    }

    @EventHandler
    void on(PromotedFromWaitlist e, @SequenceNumber long seq) {
        apply(e.eventId(), seq, s -> {
            s.registrations.computeIfPresent(e.registrationId().value(), (id, r) -> r.with(RegistrationStatus.CONFIRMED));
            send(s, e.registrationId().value(), "promoted", "【参加確定】キャンセル待ちから繰り上がりました：" + s.title, Map.of(), true);
            planReminders(e.eventId().value(), e.registrationId().value(), s);
        });
    }

    @EventHandler
    void on(RegistrationCancelled e, @SequenceNumber long seq) {
        apply(e.eventId(), seq, s -> ended(s, e.registrationId(), RegistrationStatus.CANCELLED));
    }

    @EventHandler
    void on(RegistrationRemoved e, @SequenceNumber long seq) {
        apply(e.eventId(), seq, s -> ended(s, e.registrationId(), RegistrationStatus.REMOVED));
    }

    @EventHandler
    void on(RegistrantPersonalDataErased e, @SequenceNumber long seq) {
        apply(e.eventId(), seq, s -> s.registrations.computeIfPresent(e.registrationId().value(),
                (id, r) -> new EventMailState.Recipient(null, null, r.status(), r.seats())));
    }

    // ---- reminders ------------------------------------------------------------------------------------------------

    /** Runs a due reminder: sent only while the seat is held and the event still starts when it was planned for. */
    void remind(Reminder reminder) {
        EventMailState s = mongo.findById(reminder.eventId(), EventMailState.class);
        if (s == null || s.cancelled || !reminder.startsAt().equals(s.startsAt)) {
            return;
        }
        EventMailState.Recipient r = s.registrations.get(reminder.registrationId());
        if (r == null || r.status() != RegistrationStatus.CONFIRMED) {
            return;
        }
        send(s, reminder.registrationId(), "reminder", "【リマインド】" + s.title,
                Map.of("kind", reminder.kind()), true, reminder.kind() + "/" + reminder.startsAt());
    }

    private void planReminders(String eventId, String registrationId, EventMailState s) {
        SchedulerClient client = scheduler.getIfAvailable();
        if (client == null) {
            return;
        }
        Instant start = Instant.parse(s.startsAt);
        Instant now = Instant.now();
        if (s.reminderDaysBefore != null && start.minus(Duration.ofDays(s.reminderDaysBefore)).isAfter(now)) {
            client.scheduleIfNotExists(new TaskInstance<>(REMINDER_TASK, registrationId + "/days",
                    new Reminder(eventId, registrationId, "days", s.startsAt)), start.minus(Duration.ofDays(s.reminderDaysBefore)));
        }
        if (s.reminderHoursBefore != null && start.minus(Duration.ofHours(s.reminderHoursBefore)).isAfter(now)) {
            client.scheduleIfNotExists(new TaskInstance<>(REMINDER_TASK, registrationId + "/hours",
                    new Reminder(eventId, registrationId, "hours", s.startsAt)), start.minus(Duration.ofHours(s.reminderHoursBefore)));
        }
    }

    private void dropReminders(String registrationId) {
        SchedulerClient client = scheduler.getIfAvailable();
        if (client == null) {
            return;
        }
        for (String kind : new String[]{"days", "hours"}) {
            TaskInstanceId id = TaskInstanceId.of(REMINDER_TASK, registrationId + "/" + kind);
            if (client.getScheduledExecution(id).isPresent()) {
                client.cancel(id);
            }
        }
    }

    // ---- mails ----------------------------------------------------------------------------------------------------

    private void send(EventMailState s, String registrationId, String template, String subject, Map<String, ?> extra,
                      boolean withIcs) {
        send(s, registrationId, template, subject, extra, withIcs, null);
    }

    private void send(EventMailState s, String registrationId, String template, String subject, Map<String, ?> extra,
                      boolean withIcs, String keySuffix) {
        EventMailState.Recipient r = s.registrations.get(registrationId);
        String to = r == null ? null : unseal(r.email());
        if (to == null) {
            return; // no address (erased, or a registration made without one)
        }
        Map<String, Object> model = new LinkedHashMap<>(extra);
        String name = unseal(r.name());
        model.put("name", name == null ? "ご担当者" : name);
        model.put("title", s.title);
        model.put("when", when(s));
        model.put("where", s.location == null ? "オンライン" : s.location);
        model.put("seats", r.seats());
        model.put("page", EventIcs.page(baseUrl, s.id).toString());
        model.put("onlineUrl", s.onlineUrl == null ? "" : s.onlineUrl);
        Mail message = Mail.to(to, subject, "events/" + template, model);
        if (withIcs) {
            String ics = IcsCalendar.request().add(EventIcs.entry(s.id, s.version, false, s.title,
                    s.onlineUrl == null ? s.title : s.title + "\nオンライン: " + s.onlineUrl, schedule(s), s.location,
                    EventIcs.page(baseUrl, s.id), Instant.now())).toIcs();
            message = message.withAttachment(MailAttachment.calendar(ics, "REQUEST"));
        }
        mail.enqueue("events/" + template + "/" + registrationId + (keySuffix == null ? "" : "/" + keySuffix), message);
    }

    private void ended(EventMailState s, RegistrationId id, RegistrationStatus to) {
        s.registrations.computeIfPresent(id.value(), (key, r) -> r.with(to));
        dropReminders(id.value());
    }

    private String unseal(SealedValue value) {
        return value == null ? null : vault.unseal(value).orElse(null);
    }

    private static String when(EventMailState s) {
        String day = s.startDate.equals(s.endDate) ? s.startDate : s.startDate + "〜" + s.endDate;
        return s.startTime == null ? day + "（終日）" : day + " " + s.startTime + "〜" + s.endTime + "（日本時間）";
    }

    private static Schedule schedule(EventMailState s) {
        return new Schedule(LocalDate.parse(s.startDate), s.startTime == null ? null : LocalTime.parse(s.startTime),
                LocalDate.parse(s.endDate), s.endTime == null ? null : LocalTime.parse(s.endTime));
    }

    private static void details(EventMailState s, EventDetails d) {
        s.title = d.title();
        s.location = d.venue() == null ? null : d.venue().name() + "（" + d.venue().address() + "）";
        s.onlineUrl = d.onlineUrl();
        s.reminderDaysBefore = d.registration() == null ? null : d.registration().reminderDaysBefore();
        s.reminderHoursBefore = d.registration() == null ? null : d.registration().reminderHoursBefore();
        schedule(s, d.schedule());
    }

    private static void schedule(EventMailState s, Schedule schedule) {
        s.startDate = schedule.startDate().toString();
        s.startTime = schedule.startTime() == null ? null : schedule.startTime().toString();
        s.endDate = schedule.endDate().toString();
        s.endTime = schedule.endTime() == null ? null : schedule.endTime().toString();
        s.startsAt = schedule.startsAt().toString();
    }

    private void apply(EventId id, long seq, Consumer<EventMailState> change) {
        states.upsert(id.value(), seq, change);
    }

    /** The reminder task, run by db-scheduler on whichever node picks it. */
    @Configuration(proxyBeanMethods = false)
    static class EventReminders {

        @Bean
        OneTimeTask<Reminder> eventReminderTask(ObjectProvider<RegistrationMails> mails) {
            return Tasks.oneTime(REMINDER_TASK, Reminder.class)
                        .execute((instance, context) -> mails.getObject().remind(instance.getData()));
        }
    }
}
