package jp.kodoku.platform.infra.readmodel;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How every projection changes its documents: one document per aggregate, changed by an event only if the event is
 * newer than the document ({@link VersionedDocument#version}). Redelivered events and replays are skipped, so a
 * projection may see an event twice and a rebuild (drop the collection, replay every event) leaves the same documents
 * as the live run did. Reads and writes go through {@link BatchedDocuments}: one read and one bulk write per batch of
 * events.
 *
 * <p>Events of one aggregate must reach the projection in order (one segment, or segments split by aggregate, as
 * Axon's default sequencing policy does).
 */
public final class VersionedDocuments<T extends VersionedDocument<T>> {

    private final BatchedDocuments<T> documents;
    private final Supplier<T> empty;

    VersionedDocuments(BatchedDocuments<T> documents, Supplier<T> empty) {
        this.documents = documents;
        this.empty = empty;
    }

    /**
     * Applies the event with this sequence number to the aggregate's document (a new one for its first event), unless
     * the document has it already.
     *
     * @param change changes a copy of the document, never the document itself
     * @return the document as it is now, the event applied or not
     */
    public T upsert(String id, long sequence, Consumer<T> change) {
        T current = documents.find(id);
        if (current != null && current.version >= sequence) {
            return current;
        }
        T document = current == null ? empty.get() : current.copy();
        document.id = id;
        change.accept(document);
        document.version = sequence;
        documents.save(document);
        return document;
    }
}
