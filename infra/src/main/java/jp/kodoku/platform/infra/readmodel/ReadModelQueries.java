package jp.kodoku.platform.infra.readmodel;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;

/**
 * Axon's query bus as Spring Boot would make it, but without a transaction around each query: queries read the read
 * models (MongoDB) and, to unseal contacts, single rows of the relational database, none of which needs a
 * transaction, while opening and committing one cost every directory search a pooled connection and its round
 * trips (measured in docs/performance.md).
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class ReadModelQueries {

    @Bean
    @Qualifier("localSegment")
    SimpleQueryBus queryBus(Configuration axon) {
        return SimpleQueryBus.builder()
                             .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                             .transactionManager(NoTransactionManager.INSTANCE)
                             .errorHandler(axon.getComponent(QueryInvocationErrorHandler.class,
                                     () -> LoggingQueryInvocationErrorHandler.builder().build()))
                             .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                             .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                             .build();
    }
}
