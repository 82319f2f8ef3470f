package jp.kodoku.platform.membership.accounts;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A failure in the accounts handler (the identity provider is down, say) must delay the work, never skip it: Axon's
 * default logs the failure and moves on, which would leave an approved member without an account, or a suspended one
 * still signed in. Propagating it makes the processor roll back, release the segment and retry the same event with
 * growing pauses. No dead-letter queue either, for the same reason: a parked event is a skipped one until someone
 * processes the queue.
 */
@Configuration(proxyBeanMethods = false)
class AccountsConfiguration {

    @Bean
    ConfigurerModule accountsRetryUntilDone() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                AccountsFollowMembership.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }

    /** Registered on the command bus by Axon's auto-configuration, as every command handler interceptor bean is. */
    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> accountRecordsNeverConflict() {
        return new AccountRecordsNeverConflict();
    }
}
