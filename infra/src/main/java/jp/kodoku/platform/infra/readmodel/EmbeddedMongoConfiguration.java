package jp.kodoku.platform.infra.readmodel;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * With no MongoDB URI configured, the read models live in an in-process MongoDB wire-protocol server
 * (mongo-java-server) so that the platform starts with nothing installed. The application talks to it through the
 * ordinary MongoDB driver, exactly as it would to a real replica set.
 *
 * <p>With a file configured (the default, under the data directory) the server keeps its data in an H2 MVStore. MVStore
 * commits on its own only every second, so after each batch of events a projection handled, the store is committed
 * before the tracking token moves on: a crash can then lose no read-model write whose event was marked as handled.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.data.mongodb.uri:}'.isEmpty()")
public class EmbeddedMongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

    @Bean
    MongoBackend embeddedMongoBackend(@Value("${platform.read-models.embedded.file:}") String file) throws IOException {
        if (file.isBlank()) {
            log.info("Read models: in-memory MongoDB wire-protocol server (nothing is kept after stop)");
            return H2Backend.inMemory();
        }
        Path path = Path.of(file).toAbsolutePath();
        Files.createDirectories(path.getParent());
        log.info("Read models: embedded MongoDB wire-protocol server, data in {}", path);
        return new H2Backend(path.toString());
    }

    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer(MongoBackend backend,
                                    @Value("${platform.read-models.embedded.port:0}") int port) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        return server;
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoServer server) {
        InetSocketAddress address = server.getLocalAddress();
        return MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    @Bean
    ConfigurerModule commitEmbeddedReadModelsAfterEachBatch(MongoBackend backend) {
        if (!(backend instanceof H2Backend h2)) {
            return configurer -> { };
        }
        MessageHandlerInterceptor<EventMessage<?>> commit = (unitOfWork, chain) -> {
            unitOfWork.onPrepareCommit(u -> h2.commit());
            return chain.proceed();
        };
        return configurer -> configurer.eventProcessing()
                                       .registerDefaultHandlerInterceptor((config, processorName) -> commit);
    }
}
