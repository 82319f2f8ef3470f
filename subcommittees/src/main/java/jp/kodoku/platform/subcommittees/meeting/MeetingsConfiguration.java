package jp.kodoku.platform.subcommittees.meeting;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A confirmed poll must schedule its meeting even if a command fails for a while: retried, never skipped. */
@Configuration(proxyBeanMethods = false)
class MeetingsConfiguration {

    @Bean
    ConfigurerModule meetingsRetryUntilDone() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                MeetingsFromConfirmedPolls.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
