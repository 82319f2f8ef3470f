package jp.kodoku.platform.newsletter;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.net.InetSocketAddress;

/** The embedded MongoDB wire server (as on the embedded default), one per test class, for the projections' tests. */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server = new MongoServer(H2Backend.inMemory());
    private final MongoClient client;

    public EmbeddedMongo() {
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    public MongoTemplate template(String database) {
        return new MongoTemplate(client, database);
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
