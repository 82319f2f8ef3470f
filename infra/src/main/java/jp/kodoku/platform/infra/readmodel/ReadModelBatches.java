package jp.kodoku.platform.infra.readmodel;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.function.Function;

/** Makes {@link BatchedDocuments} for projections. */
@Component
public class ReadModelBatches {

    private final MongoTemplate mongo;
    private final Runnable afterWrite;

    ReadModelBatches(MongoTemplate mongo, ObjectProvider<MongoBackend> embedded) {
        this.mongo = mongo;
        // The embedded server's H2 store commits on its own only every second; a batch's writes are committed before
        // its token moves (see EmbeddedMongoConfiguration). A real MongoDB has acknowledged the write already.
        this.afterWrite = embedded.getIfAvailable() instanceof H2Backend h2 ? h2::commit : () -> { };
    }

    public <T> BatchedDocuments<T> of(Class<T> type, Function<T, String> idOf) {
        return new BatchedDocuments<>(mongo, type, idOf, afterWrite);
    }
}
