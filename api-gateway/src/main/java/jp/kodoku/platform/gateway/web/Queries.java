package jp.kodoku.platform.gateway.web;

import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Asks the read side and waits for the answer. A handler's failure reaches the caller as the exception the handler
 * threw (not wrapped by the future or by Axon), so the API answers it like any other.
 */
@Component
public class Queries {

    private final QueryGateway gateway;

    public Queries(QueryGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R one(Object query, Class<R> type) {
        return await(gateway.query(query, ResponseTypes.instanceOf(type)));
    }

    public <R> Optional<R> optional(Object query, Class<R> type) {
        return await(gateway.query(query, ResponseTypes.optionalInstanceOf(type)));
    }

    public <R> List<R> list(Object query, Class<R> type) {
        return await(gateway.query(query, ResponseTypes.multipleInstancesOf(type)));
    }

    private static <R> R await(CompletableFuture<R> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof HandlerExecutionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
