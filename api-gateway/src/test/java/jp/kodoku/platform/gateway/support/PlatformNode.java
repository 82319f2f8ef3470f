package jp.kodoku.platform.gateway.support;

import de.bwaldvogel.mongo.MongoServer;
import jp.kodoku.platform.gateway.PlatformApplication;
import jp.kodoku.platform.infra.testsupport.LocalKeycloak;
import jp.kodoku.platform.infra.testsupport.LocalPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * A platform instance of a test's own, beside the suite's shared one (a second node, a node on a restored database, a
 * node whose database goes away): its own ports and data directory, a database of the suite's PostgreSQL cluster, the
 * suite's Keycloak. The caller closes it.
 */
public final class PlatformNode {

    private PlatformNode() {
    }

    /** {@code more}: the test's own Spring arguments (a node name, a MongoDB URI, a profile…). */
    public static ConfigurableApplicationContext start(String name, String database, String... more) throws IOException {
        LocalPostgres postgres = LocalPostgres.instance();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--platform.data-dir=" + Files.createTempDirectory("platform-" + name + "-"),
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password(),
                "--platform.keycloak.server-url=" + TestTokens.KEYCLOAK.serverUrl(),
                "--platform.keycloak.client-secret=" + LocalKeycloak.BACKEND_SECRET,
                "--platform.security.issuer-uri=" + TestTokens.issuer(),
                "--platform.security.jwk-set-uri=" + TestTokens.jwkSetUri()));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(PlatformApplication.class).run(args.toArray(String[]::new));
    }

    public static String mongoUri(MongoServer mongo) {
        return "--spring.data.mongodb.uri=mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort() + "/platform";
    }

    public static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }
}
