package jp.kodoku.platform.infra.identity;

import jakarta.ws.rs.client.Client;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.spi.ResteasyClientClassicProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;

/**
 * The platform's own access to its Keycloak realm: the confidential client {@code platform-backend}, whose service
 * account may manage users and clients of the realm (see infra/keycloak/platform-realm.json) and nothing else. The
 * client connects lazily, so the platform starts even while Keycloak is still starting.
 */
@Configuration(proxyBeanMethods = false)
public class KeycloakAdminConfiguration {

    @Bean(destroyMethod = "close")
    Keycloak keycloakAdmin(@Value("${platform.keycloak.server-url}") String serverUrl,
                           @Value("${platform.keycloak.realm}") String realm,
                           @Value("${platform.keycloak.client-id}") String clientId,
                           @Value("${platform.keycloak.client-secret}") String clientSecret) {
        // The admin client's own HTTP client, with timeouts: a Keycloak that stops answering fails a command or an
        // accounts-processor attempt (which retries) instead of holding its thread forever.
        Client http = ResteasyClientClassicProvider.createClientBuilder()
                                                   .register(JacksonProvider.class, 100)
                                                   .connectTimeout(5, TimeUnit.SECONDS)
                                                   .readTimeout(30, TimeUnit.SECONDS)
                                                   .build();
        return KeycloakBuilder.builder()
                              .serverUrl(serverUrl)
                              .realm(realm)
                              .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                              .clientId(clientId)
                              .clientSecret(clientSecret)
                              .resteasyClient(http)
                              .build();
    }

    @Bean
    RealmResource platformRealm(Keycloak keycloakAdmin, @Value("${platform.keycloak.realm}") String realm) {
        return keycloakAdmin.realm(realm);
    }
}
