package jp.kodoku.platform.infra.audit;

import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;

/**
 * Metadata that every command carries and Axon copies onto every event it causes, so that the event store doubles as
 * the audit log: who acted, and for which request. The time is the event's own timestamp.
 */
public final class AuditMetadata {

    public static final String PRINCIPAL = "principal";
    public static final String CORRELATION_ID = "correlationId";

    private AuditMetadata() {
    }

    public static MetaData of(String principal, String correlationId) {
        Map<String, Object> values = new HashMap<>();
        values.put(PRINCIPAL, principal);
        values.put(CORRELATION_ID, correlationId);
        return MetaData.from(values);
    }
}
