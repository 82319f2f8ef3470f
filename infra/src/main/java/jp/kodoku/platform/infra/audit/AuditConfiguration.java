package jp.kodoku.platform.infra.audit;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    /**
     * Replaces Axon's default MessageOriginProvider, which would overwrite "correlationId" with the id of the command
     * message; here the correlation id is the one of the HTTP request that a client can quote to the secretariat.
     */
    @Bean
    CorrelationDataProvider auditCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(AuditMetadata.PRINCIPAL, AuditMetadata.CORRELATION_ID);
    }
}
