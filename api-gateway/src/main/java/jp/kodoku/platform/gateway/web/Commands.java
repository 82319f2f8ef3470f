package jp.kodoku.platform.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import jp.kodoku.platform.gateway.security.Caller;
import jp.kodoku.platform.infra.audit.AuditMetadata;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Sends a command on behalf of the caller of the current request, stamped with who and which request. */
@Component
public class Commands {

    private final CommandGateway gateway;

    public Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** Returns the aggregate's new version. */
    public long send(Object command) {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        var message = GenericCommandMessage.asCommandMessage(command)
                                           .andMetaData(AuditMetadata.of(Caller.current().principal(), CorrelationIdFilter.of(request)));
        Object result = gateway.sendAndWait(message);
        return result instanceof Number n ? n.longValue() : 0L;
    }
}
