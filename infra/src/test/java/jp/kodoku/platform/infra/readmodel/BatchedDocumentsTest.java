package jp.kodoku.platform.infra.readmodel;

import com.mongodb.MongoClientSettings;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
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
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchedDocumentsTest {

    private static MongoServer server;
    private static MongoClient client;
    private static final Map<String, AtomicInteger> commands = new ConcurrentHashMap<>();

    private MongoTemplate mongo;
    private final AtomicInteger commits = new AtomicInteger();
    private final List<String> written = new ArrayList<>();
    private BatchedDocuments<Tally> tallies;

    @Document("tallies")
    static class Tally {
        @Id
        String id;
        int events;

        Tally(String id, int events) {
            this.id = id;
            this.events = events;
        }
    }

    @BeforeAll
    static void startServer() {
        server = new MongoServer(H2Backend.inMemory());
        InetSocketAddress address = server.bind();
        CommandListener counter = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commands.computeIfAbsent(event.getCommandName(), name -> new AtomicInteger()).incrementAndGet();
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyToClusterSettings(cluster -> cluster.hosts(List.of(
                        new ServerAddress(address.getHostString(), address.getPort()))))
                .addCommandListener(counter)
                .build());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void emptyCollection() {
        mongo = new MongoTemplate(client, "batched_documents_test");
        mongo.dropCollection(Tally.class);
        mongo.save(new Tally("a", 1));
        mongo.save(new Tally("b", 1));
        written.clear();
        tallies = new BatchedDocuments<>(mongo, Tally.class, tally -> tally.id, commits::incrementAndGet,
                documents -> documents.forEach(tally -> written.add(tally.id + "=" + tally.events)));
        commands.clear();
    }

    @Test
    void aBatchReadsItsDocumentsWithOneQueryAndWritesEachChangedDocumentOnceWhenItCommits() {
        BatchingUnitOfWork<DomainEventMessage<?>> batch = new BatchingUnitOfWork<>(
                event("a"), event("b"), event("c"), event("a"), event("b"), event("a"));
        AtomicLong writesBeforeCommit = new AtomicLong(-1);

        batch.execute(() -> {
            countOneEvent();
            if (batch.isLastMessage()) {
                writesBeforeCommit.set(count("update"));
            }
        });

        assertThat(writesBeforeCommit).hasValue(0);
        assertThat(count("find")).isOne();
        assertThat(count("update")).isOne();
        assertThat(commits).hasValue(1);
        assertThat(written).containsExactlyInAnyOrder("a=4", "b=3", "c=1");
        assertThat(mongo.findById("a", Tally.class).events).isEqualTo(4);
        assertThat(mongo.findById("b", Tally.class).events).isEqualTo(3);
        assertThat(mongo.findById("c", Tally.class).events).isEqualTo(1);
    }

    @Test
    void aBatchThatFailsWritesNothing() {
        BatchingUnitOfWork<DomainEventMessage<?>> batch = new BatchingUnitOfWork<>(event("a"), event("c"));

        assertThatThrownBy(() -> batch.execute(() -> {
            countOneEvent();
            if (batch.isLastMessage()) {
                throw new IllegalStateException("the read model is unreachable");
            }
        })).hasMessageContaining("unreachable");

        assertThat(count("update")).isZero();
        assertThat(written).isEmpty();
        assertThat(mongo.findById("a", Tally.class).events).isEqualTo(1);
        assertThat(mongo.findById("c", Tally.class)).isNull();
    }

    @Test
    void outsideAUnitOfWorkEachSaveIsWrittenAtOnce() {
        Tally a = tallies.find("a");
        a.events++;
        tallies.save(a);

        assertThat(mongo.findById("a", Tally.class).events).isEqualTo(2);
        assertThat(commits).hasValue(1);
        assertThat(written).containsExactly("a=2");
    }

    private void countOneEvent() {
        String id = ((DomainEventMessage<?>) CurrentUnitOfWork.get().getMessage()).getAggregateIdentifier();
        Tally tally = tallies.find(id);
        tallies.save(tally == null ? new Tally(id, 1) : new Tally(id, tally.events + 1));
    }

    private static DomainEventMessage<?> event(String aggregate) {
        return new GenericDomainEventMessage<>("Tally", aggregate, 0, "counted");
    }

    private static long count(String command) {
        AtomicInteger n = commands.get(command);
        return n == null ? 0 : n.get();
    }
}
