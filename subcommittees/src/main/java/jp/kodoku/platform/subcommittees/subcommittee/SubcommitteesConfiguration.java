package jp.kodoku.platform.subcommittees.subcommittee;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A member that leaves the platform must leave its subcommittees even if a command fails for a while (a node lost a
 * race, the database was away): Axon's default logs a failure and moves on, which would leave it a member. The
 * departures processor retries the same event until it is done instead.
 */
@Configuration(proxyBeanMethods = false)
class SubcommitteesConfiguration {

    @Bean
    ConfigurerModule departuresRetryUntilDone() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                MembersLeaveWithTheirMembership.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
