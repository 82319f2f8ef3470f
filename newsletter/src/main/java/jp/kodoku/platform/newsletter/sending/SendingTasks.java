package jp.kodoku.platform.newsletter.sending;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sending's timed work on db-scheduler (DESIGN.md §10; ADR 0043), each run by one node at a time: scheduled
 * issues start at their planned time (looked for every {@code schedule-check}), and issues whose recipients are all
 * final are marked sent (every {@code completion-check}).
 */
@Configuration(proxyBeanMethods = false)
class SendingTasks {

    @Bean
    RecurringTask<Void> newsletterScheduledStarts(ObjectProvider<Sendings> sendings, SendingProperties properties) {
        return Tasks.recurring("newsletter.scheduled-starts", FixedDelay.of(properties.scheduleCheck()))
                    .execute((instance, context) -> sendings.getObject().startDueIssues());
    }

    @Bean
    RecurringTask<Void> newsletterSendingCompletion(ObjectProvider<Sendings> sendings, SendingProperties properties) {
        return Tasks.recurring("newsletter.sending-completion", FixedDelay.of(properties.completionCheck()))
                    .execute((instance, context) -> sendings.getObject().finishCompleteSendings());
    }
}
