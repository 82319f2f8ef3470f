package jp.kodoku.platform.infra.readmodel;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * A projection's documents, read and written once per batch of events rather than once per event: the first look-up
 * in a batch loads, with one query, the documents of every aggregate the batch's events belong to; changes stay in
 * memory and go out in one bulk write when the batch commits, before the processor's token moves. A batch of 100
 * events about 20 organizations is then one read and one write of 20 documents instead of 100 of each (a rebuild,
 * a burst of commands).
 *
 * <p>Whoever keeps something derived from the documents (an in-memory index) hears of each write once it is done.
 *
 * <p>Outside a unit of work (nothing but tests call handlers that way) each document is read and written at once.
 * A failed write fails the batch, and the processor handles it again from its last token, so nothing is half applied
 * beyond what the projection's idempotence covers.
 */
final class BatchedDocuments<T> {

    private final MongoTemplate mongo;
    private final Class<T> type;
    private final Function<T, String> idOf;
    private final Runnable afterWrite;
    private final Consumer<Collection<T>> written;
    private final String resourceKey;

    BatchedDocuments(MongoTemplate mongo, Class<T> type, Function<T, String> idOf, Runnable afterWrite,
                     Consumer<Collection<T>> written) {
        this.mongo = mongo;
        this.type = type;
        this.idOf = idOf;
        this.afterWrite = afterWrite;
        this.written = written;
        this.resourceKey = BatchedDocuments.class.getName() + "/" + type.getName();
    }

    /** The document as this batch's events so far left it; null if there is none. */
    T find(String id) {
        Batch batch = currentBatch();
        return batch == null ? mongo.findById(id, type) : batch.find(id);
    }

    /** Keeps the document to be written when the batch commits. */
    void save(T document) {
        Batch batch = currentBatch();
        if (batch == null) {
            mongo.save(document);
            afterWrite.run();
            written.accept(List.of(document));
        } else {
            batch.save(document);
        }
    }

    private Batch currentBatch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(resourceKey, key -> {
            Batch batch = new Batch(aggregatesOf(unitOfWork));
            unitOfWork.onPrepareCommit(u -> batch.write());
            return batch;
        });
    }

    private static Set<String> aggregatesOf(UnitOfWork<?> unitOfWork) {
        Set<String> ids = new LinkedHashSet<>();
        if (unitOfWork instanceof BatchingUnitOfWork<?> batching) {
            batching.getMessages().forEach(message -> {
                if (message instanceof DomainEventMessage<?> event) {
                    ids.add(event.getAggregateIdentifier());
                }
            });
        }
        return ids;
    }

    private final class Batch {

        private final Set<String> toLoad;
        /** Loaded or changed documents by id; null where the store has none. */
        private final Map<String, T> documents = new HashMap<>();
        private final Map<String, T> changed = new LinkedHashMap<>();

        Batch(Set<String> aggregates) {
            this.toLoad = aggregates;
        }

        T find(String id) {
            if (!documents.containsKey(id)) {
                toLoad.add(id);
                toLoad.forEach(each -> documents.putIfAbsent(each, null));
                mongo.find(query(where("_id").in(toLoad)), type).forEach(doc -> documents.put(idOf.apply(doc), doc));
                toLoad.clear();
            }
            return documents.get(id);
        }

        void save(T document) {
            String id = idOf.apply(document);
            documents.put(id, document);
            changed.put(id, document);
        }

        void write() {
            if (changed.isEmpty()) {
                return;
            }
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type);
            changed.forEach((id, document) ->
                    bulk.replaceOne(query(where("_id").is(id)), document, FindAndReplaceOptions.options().upsert()));
            bulk.execute();
            afterWrite.run();
            written.accept(List.copyOf(changed.values()));
            changed.clear();
        }
    }
}
