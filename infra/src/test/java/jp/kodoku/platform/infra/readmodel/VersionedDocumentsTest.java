package jp.kodoku.platform.infra.readmodel;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VersionedDocumentsTest {

    private static MongoServer server;
    private static MongoClient client;

    private MongoTemplate mongo;
    private VersionedDocuments<Visits> visits;

    /** The places a visitor went to, in the order of the events. */
    @Document("visits")
    static class Visits extends VersionedDocument<Visits> {
        List<String> places = new ArrayList<>();
        String lastPlace;
    }

    @BeforeAll
    static void startServer() {
        server = new MongoServer(H2Backend.inMemory());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void emptyCollection() {
        mongo = new MongoTemplate(client, "versioned_documents_test");
        mongo.dropCollection(Visits.class);
        visits = new ReadModelBatches(mongo, () -> { }).versioned(Visits.class, Visits::new);
    }

    @Test
    void the_first_event_makes_the_document_and_each_newer_one_changes_it() {
        visit("田中", 0, "札幌");
        visit("田中", 1, "仙台");

        Visits stored = mongo.findById("田中", Visits.class);
        assertThat(stored.places).containsExactly("札幌", "仙台");
        assertThat(stored.version).isEqualTo(1);
    }

    @Test
    void an_event_delivered_again_or_an_older_one_changes_nothing() {
        visit("田中", 0, "札幌");
        visit("田中", 1, "仙台");

        Visits again = visit("田中", 1, "仙台");
        visit("田中", 0, "札幌");

        assertThat(again.places).containsExactly("札幌", "仙台");
        assertThat(mongo.findById("田中", Visits.class).places).containsExactly("札幌", "仙台");
    }

    @Test
    void a_rebuild_into_an_empty_collection_leaves_the_same_documents_as_the_live_run() {
        visit("田中", 0, "札幌");
        visit("鈴木", 0, "那覇");
        visit("田中", 1, "仙台");
        List<Visits> live = mongo.findAll(Visits.class);

        mongo.dropCollection(Visits.class);
        visit("田中", 0, "札幌");
        visit("鈴木", 0, "那覇");
        visit("田中", 1, "仙台");

        assertThat(mongo.findAll(Visits.class)).usingRecursiveFieldByFieldElementComparator().isEqualTo(live);
    }

    @Test
    void a_change_that_fails_in_a_batch_leaves_the_document_as_the_events_before_it_made_it() {
        BatchingUnitOfWork<DomainEventMessage<?>> batch = new BatchingUnitOfWork<>(
                event("田中", 0, "札幌"), event("田中", 1, "仙台"), event("田中", 2, "福岡"));

        batch.execute(() -> {
            DomainEventMessage<?> event = (DomainEventMessage<?>) CurrentUnitOfWork.get().getMessage();
            try {
                visits.upsert(event.getAggregateIdentifier(), event.getSequenceNumber(), v -> {
                    v.places.add((String) event.getPayload());
                    if (event.getSequenceNumber() == 1) {
                        throw new IllegalStateException("this event goes to the dead letters");
                    }
                });
            } catch (IllegalStateException deadLettered) {
                // as Axon's dead-letter queue does: the event is parked, the batch goes on
            }
        });

        Visits stored = mongo.findById("田中", Visits.class);
        assertThat(stored.places).containsExactly("札幌", "福岡");
        assertThat(stored.version).isEqualTo(2);
    }

    @Test
    void a_copy_has_every_field_of_the_original_and_lists_of_its_own() {
        Visits original = visit("田中", 3, "札幌");

        Visits copy = original.copy();
        copy.places.add("仙台");

        assertThat(copy).isNotSameAs(original);
        assertThat(copy.id).isEqualTo("田中");
        assertThat(copy.version).isEqualTo(3);
        assertThat(copy.lastPlace).isEqualTo("札幌");
        assertThat(copy.places).containsExactly("札幌", "仙台");
        assertThat(original.places).containsExactly("札幌");
    }

    private Visits visit(String visitor, long sequence, String place) {
        return visits.upsert(visitor, sequence, v -> {
            v.places.add(place);
            v.lastPlace = place;
        });
    }

    private static DomainEventMessage<?> event(String visitor, long sequence, String place) {
        return new GenericDomainEventMessage<>("Visitor", visitor, sequence, place);
    }
}
