package jp.kodoku.platform.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import jp.kodoku.platform.gateway.security.Caller;
import jp.kodoku.platform.infra.audit.AuditMetadata;
import jp.kodoku.platform.infra.errors.ConcurrentChange;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.infra.errors.StaleVersion;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.function.LongFunction;

/**
 * The one way HTTP does a write: the command is sent on behalf of the caller of the current request, stamped with
 * who and which request, and waited for. Axon's "no such aggregate" and "stale expected version" come back as the
 * shared {@link NotFound} and {@link StaleVersion}, so every module's writes fail alike.
 */
@Component
public class Commands {

    private final CommandGateway gateway;

    public Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** 200 with the aggregate's new version as ETag, and a body made from it. */
    public <B> ResponseEntity<B> write(Object command, LongFunction<B> body) {
        long version = send(command);
        return ResponseEntity.ok().eTag(Versions.etag(version)).body(body.apply(version));
    }

    /** Returns the aggregate's new version. */
    public long send(Object command) {
        Object result = send(command, Object.class);
        return result instanceof Number n ? n.longValue() : 0L;
    }

    /** For handlers that answer more than a version (an invitation, an issued secret). */
    public <R> R send(Object command, Class<R> resultType) {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        var message = GenericCommandMessage.asCommandMessage(command)
                                           .andMetaData(AuditMetadata.of(Caller.current().principal(), CorrelationIdFilter.of(request)));
        try {
            return resultType.cast(gateway.sendAndWait(message));
        } catch (AggregateNotFoundException e) {
            throw new NotFound("nothing with the id " + e.getAggregateIdentifier() + " exists");
        } catch (ConflictingAggregateVersionException e) {
            throw new StaleVersion("it is now at version " + e.getActualVersion() + ", not " + e.getExpectedVersion()
                    + "; read it again and reapply your change", e.getActualVersion());
        } catch (ConcurrencyException e) {
            throw new ConcurrentChange();
        }
    }
}
