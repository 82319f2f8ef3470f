package jp.kodoku.platform.gateway.clients.registration;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jp.kodoku.platform.gateway.clients.api.ApiClientId;
import jp.kodoku.platform.gateway.clients.api.ApiClientRegistered;
import jp.kodoku.platform.gateway.clients.api.ApiScopes;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * API clients as confidential Keycloak clients, through the platform's own service account ({@code platform-backend},
 * which may manage clients and users of the realm). Each gets only the client-credentials grant, the realm role
 * {@code api-client} on its service account, the audience {@code platform-api}, its organization as a hardcoded
 * {@code organization_id} claim, its scopes as default client scopes (so they are in every token without asking), and
 * its allowed origins as web origins.
 */
@Component
class KeycloakClientCredentials implements ClientCredentials {

    private static final String OIDC = "openid-connect";

    private final RealmResource realm;
    private final String audience;
    /** Scope name → Keycloak id, filled once the realm is known to have the scope. */
    private final Map<String, String> scopeIds = new ConcurrentHashMap<>();

    KeycloakClientCredentials(RealmResource platformRealm, @Value("${platform.security.audience}") String audience) {
        this.realm = platformRealm;
        this.audience = audience;
    }

    @Override
    public String create(ApiClientRegistered registration) {
        return call("create the client", () -> {
            ensureScopes();
            String id;
            try (Response response = realm.clients().create(representation(registration))) {
                id = CreatedResponseUtil.getCreatedId(response);
            }
            try {
                ClientResource client = realm.clients().get(id);
                UserRepresentation serviceAccount = client.getServiceAccountUser();
                RoleRepresentation role = realm.roles().get(ROLE).toRepresentation();
                realm.users().get(serviceAccount.getId()).roles().realmLevel().add(List.of(role));
                for (String scope : registration.scopes()) {
                    client.addDefaultClientScope(scopeIds.get(scope));
                }
                return client.getSecret().getValue();
            } catch (RuntimeException e) {
                // A half-made client must not linger with a secret nobody was shown.
                try {
                    realm.clients().get(id).remove();
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
        });
    }

    @Override
    public String rotate(ApiClientId clientId) {
        return call("rotate the secret", () -> client(clientId).generateNewSecret().getValue());
    }

    @Override
    public void disable(ApiClientId clientId) {
        call("disable the client", () -> {
            ClientResource client = client(clientId);
            ClientRepresentation representation = client.toRepresentation();
            if (Boolean.TRUE.equals(representation.isEnabled())) {
                representation.setEnabled(false);
                client.update(representation);
            }
            // Also spoil the secret: re-enabling the client in the console must not bring the old secret back.
            client.generateNewSecret();
            return null;
        });
    }

    @Override
    public void delete(ApiClientId clientId) {
        call("delete the client", () -> {
            realm.clients().findByClientId(clientId.value()).forEach(c -> realm.clients().get(c.getId()).remove());
            return null;
        });
    }

    /**
     * The realm definition does not know the platform's scopes, so the platform adds them when it first needs them.
     * Idempotent: a scope that exists is looked up, and one created meanwhile by another instance (409) too.
     */
    private void ensureScopes() {
        if (scopeIds.keySet().containsAll(ApiScopes.ALL)) {
            return;
        }
        synchronized (scopeIds) {
            for (String name : ApiScopes.ALL) {
                if (scopeIds.containsKey(name)) {
                    continue;
                }
                String id = findScope(name);
                if (id == null) {
                    try (Response response = realm.clientScopes().create(scope(name))) {
                        if (response.getStatus() == 201) {
                            id = CreatedResponseUtil.getCreatedId(response);
                        } else if (response.getStatus() == 409) {
                            id = findScope(name);
                        } else {
                            throw new WebApplicationException("creating client scope " + name, response.getStatus());
                        }
                    }
                }
                if (id == null) {
                    throw new IllegalStateException("client scope " + name + " could not be found or created");
                }
                scopeIds.put(name, id);
            }
        }
    }

    private String findScope(String name) {
        return realm.clientScopes().findAll().stream().filter(s -> name.equals(s.getName()))
                    .map(ClientScopeRepresentation::getId).findFirst().orElse(null);
    }

    private static ClientScopeRepresentation scope(String name) {
        ClientScopeRepresentation scope = new ClientScopeRepresentation();
        scope.setName(name);
        scope.setProtocol(OIDC);
        scope.setDescription("Platform API: " + name);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("include.in.token.scope", "true");
        attributes.put("display.on.consent.screen", "false");
        scope.setAttributes(attributes);
        return scope;
    }

    private ClientRepresentation representation(ApiClientRegistered registration) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(registration.clientId().value());
        client.setName(registration.name());
        client.setDescription("API client registered by the secretariat"
                + (registration.organizationId() == null ? "" : " for organization " + registration.organizationId()));
        client.setEnabled(true);
        client.setProtocol(OIDC);
        client.setPublicClient(false);
        client.setBearerOnly(false);
        client.setClientAuthenticatorType("client-secret");
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setConsentRequired(false);
        client.setFrontchannelLogout(false);
        client.setRedirectUris(List.of());
        client.setWebOrigins(registration.allowedOrigins());
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("oauth2.device.authorization.grant.enabled", "false");
        attributes.put("oidc.ciba.grant.enabled", "false");
        attributes.put("use.refresh.tokens", "false"); // client credentials need none
        client.setAttributes(attributes);
        List<ProtocolMapperRepresentation> mappers = new ArrayList<>();
        mappers.add(mapper("platform-api-audience", "oidc-audience-mapper",
                Map.of("included.custom.audience", audience, "access.token.claim", "true", "id.token.claim", "false",
                        "introspection.token.claim", "true")));
        if (registration.organizationId() != null) {
            mappers.add(mapper("organization_id", "oidc-hardcoded-claim-mapper",
                    Map.of("claim.name", "organization_id", "claim.value", registration.organizationId(),
                            "jsonType.label", "String", "access.token.claim", "true", "id.token.claim", "false",
                            "userinfo.token.claim", "false", "introspection.token.claim", "true")));
        }
        client.setProtocolMappers(mappers);
        return client;
    }

    private static ProtocolMapperRepresentation mapper(String name, String type, Map<String, String> config) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(name);
        mapper.setProtocol(OIDC);
        mapper.setProtocolMapper(type);
        mapper.setConfig(new LinkedHashMap<>(config));
        return mapper;
    }

    private ClientResource client(ApiClientId clientId) {
        List<ClientRepresentation> found = realm.clients().findByClientId(clientId.value());
        if (found.isEmpty()) {
            throw new NotFoundException("no Keycloak client " + clientId);
        }
        return realm.clients().get(found.get(0).getId());
    }

    private static <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (WebApplicationException | ProcessingException e) {
            throw new IdentityProviderUnavailable("Keycloak did not " + what + ": " + e.getMessage(), e);
        }
    }
}
