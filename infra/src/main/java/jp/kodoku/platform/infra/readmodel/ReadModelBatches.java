package jp.kodoku.platform.infra.readmodel;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Makes the {@link VersionedDocuments} of projections. */
@Component
public class ReadModelBatches {

    private final MongoTemplate mongo;
    private final Runnable afterWrite;

    @Autowired
    ReadModelBatches(MongoTemplate mongo, ObjectProvider<MongoBackend> embedded) {
        // The embedded server's H2 store commits on its own only every second; a batch's writes are committed before
        // its token moves (see EmbeddedMongoConfiguration). A real MongoDB has acknowledged the write already.
        this(mongo, embedded.getIfAvailable() instanceof H2Backend h2 ? h2::commit : () -> { });
    }

    /** @param afterWrite makes a write durable where the store needs telling */
    public ReadModelBatches(MongoTemplate mongo, Runnable afterWrite) {
        this.mongo = mongo;
        this.afterWrite = afterWrite;
    }

    /** @param empty a new document, before its first event */
    public <T extends VersionedDocument<T>> VersionedDocuments<T> versioned(Class<T> type, Supplier<T> empty) {
        return versioned(type, empty, documents -> { });
    }

    /**
     * @param empty   a new document, before its first event
     * @param written told of the documents of each write, once it is done (for whoever keeps something derived
     *                from them)
     */
    public <T extends VersionedDocument<T>> VersionedDocuments<T> versioned(Class<T> type, Supplier<T> empty,
                                                                           Consumer<Collection<T>> written) {
        return new VersionedDocuments<>(new BatchedDocuments<>(mongo, type, document -> document.id, afterWrite, written),
                empty);
    }
}
