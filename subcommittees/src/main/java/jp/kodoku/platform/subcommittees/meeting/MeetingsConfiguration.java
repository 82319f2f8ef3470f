package jp.kodoku.platform.subcommittees.meeting;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A confirmed poll must schedule its meeting even if a command fails for a while: retried, never skipped. Likewise the
 * meeting mails: a failure (a query, the outbox's table) retries the same event; the outbox keys make a retry send
 * nothing twice.
 */
@Configuration(proxyBeanMethods = false)
class MeetingsConfiguration {

    @Bean
    ConfigurerModule meetingsRetryUntilDone() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                MeetingsFromConfirmedPolls.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }

    @Bean
    ConfigurerModule meetingMailsRetryUntilDone() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                MeetingMails.GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
