package jp.kodoku.platform.webhooks.delivery;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The processor {@value DeliveryEnqueuer#GROUP} handles up to {@value #BATCH} events in one transaction (Axon's
 * default is one): at 50 events a second to ten subscribers, a commit per event (with its flush) held the rows back
 * behind the commands' own commits (docs/performance.md). One segment still, so the rows keep the stream's order.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryProcessorBatches {

    static final int BATCH = 100;

    @Bean
    ConfigurerModule webhooksProcessorBatches() {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessorConfiguration(
                DeliveryEnqueuer.GROUP,
                configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(BATCH));
    }
}
