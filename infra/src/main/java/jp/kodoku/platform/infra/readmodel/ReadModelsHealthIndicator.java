package jp.kodoku.platform.infra.readmodel;

import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Health of the read-model store. Replaces Boot's MongoDB indicator, whose "hello" command the embedded wire-protocol
 * server does not know; "ping" is answered by every MongoDB server and by mongo-java-server alike.
 */
@Component("readModels")
class ReadModelsHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    ReadModelsHealthIndicator(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        mongo.executeCommand(new Document("ping", 1));
        builder.up().withDetail("database", mongo.getDb().getName());
    }
}
