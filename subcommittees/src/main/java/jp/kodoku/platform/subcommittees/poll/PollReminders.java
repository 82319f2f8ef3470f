package jp.kodoku.platform.subcommittees.poll;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import jp.kodoku.platform.infra.mail.Mail;
import jp.kodoku.platform.infra.mail.PlatformMail;
import jp.kodoku.platform.membership.api.ContactView;
import jp.kodoku.platform.subcommittees.MemberContacts;
import jp.kodoku.platform.subcommittees.api.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The reminder before a date poll's deadline (日程調整の回答のお願い), to the contacts of the member organizations that
 * have not answered. Opening a poll schedules one run on db-scheduler ({@value #TASK}, persistent, once across nodes)
 * a day before the deadline; the run reads the table as it is then, so an organization that answered meanwhile gets
 * nothing, and a confirmed poll or one past its deadline mails nobody. Outbox keys (poll × contact) send nothing twice.
 * Side effects, so in the meeting mails' processing group, apart from the read models.
 */
@Component
@ProcessingGroup("subcommittee-meeting-mails")
class PollReminders {

    static final String TASK = "subcommittees.poll-reminder";
    static final Duration BEFORE_DEADLINE = Duration.ofDays(1);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日（E）H:mm", Locale.JAPANESE)
                                                                  .withZone(ZoneId.of("Asia/Tokyo"));

    private final ObjectProvider<SchedulerClient> scheduler;
    private final QueryGateway queries;
    private final MemberContacts contacts;
    private final PlatformMail mail;
    private final String baseUrl;
    private final Clock clock;

    PollReminders(ObjectProvider<SchedulerClient> scheduler, QueryGateway queries, MemberContacts contacts,
                  PlatformMail mail, @Value("${platform.subcommittees.base-url:http://localhost:8080}") String baseUrl) {
        this.scheduler = scheduler;
        this.queries = queries;
        this.contacts = contacts;
        this.mail = mail;
        this.baseUrl = baseUrl;
        this.clock = Clock.systemUTC();
    }

    /** A poll opened less than a day before its deadline gets no reminder; a replay schedules none for the past. */
    @EventHandler
    void on(DatePollOpened e) {
        Instant at = e.deadline().minus(BEFORE_DEADLINE);
        SchedulerClient client = scheduler.getIfAvailable();
        if (client != null && at.isAfter(clock.instant())) {
            client.scheduleIfNotExists(new TaskInstance<>(TASK, e.pollId().value(), e.pollId().value()), at);
        }
    }

    /** Runs a due reminder. */
    void remind(String pollId) {
        Optional<DatePollTable> found = queries.query(new FindDatePoll(new PollId(pollId)),
                ResponseTypes.optionalInstanceOf(DatePollTable.class)).join();
        if (found.isEmpty() || found.get().status() != PollStatus.OPEN) {
            return;
        }
        DatePollTable poll = found.get();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", poll.title());
        model.put("deadline", WHEN.format(poll.deadline()));
        // the poll's web page (gateway SubcommitteePages), where the member admin answers after signing in
        model.put("page", baseUrl + "/subcommittees/" + poll.subcommitteeId() + "/polls/" + pollId);
        String subject = "【日程調整】回答のお願い（締切 " + WHEN.format(poll.deadline()) + "）：" + poll.title();
        for (OrganizationRef organization : poll.notAnswered()) {
            for (ContactView contact : contacts.of(organization.id())) {
                Map<String, Object> personal = new LinkedHashMap<>(model);
                personal.put("name", contact.name() == null ? "ご担当者" : contact.name());
                personal.put("organization", organization.name() == null ? "" : organization.name());
                mail.enqueue("subcommittees/poll-reminder/" + pollId + "/" + contact.contactId(),
                        Mail.to(contact.email(), subject, "subcommittees/poll-reminder", personal));
            }
        }
    }

    /** The reminder task, run by db-scheduler on whichever node picks it. */
    @Configuration(proxyBeanMethods = false)
    static class PollReminderTask {

        @Bean
        OneTimeTask<String> pollReminderTask(ObjectProvider<PollReminders> reminders) {
            return Tasks.oneTime(TASK, String.class)
                        .execute((instance, context) -> reminders.getObject().remind(instance.getData()));
        }
    }
}
