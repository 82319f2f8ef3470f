package jp.kodoku.platform.gateway.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jp.kodoku.platform.infra.testsupport.LocalKeycloak;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.awaitility.Awaitility.await;

/**
 * Tokens from the real Keycloak of the test run (see LocalKeycloak): the realm's demo secretariat, member admins made
 * for the organizations a test creates, and — for the refusals — tokens that are real but wrong: expired, from another
 * realm, for another audience, or signed with a key Keycloak never had.
 */
public final class TestTokens {

    /** Started on first use: if it cannot start, each test that needs it fails with why (see LocalKeycloak). */
    public static final LocalKeycloak KEYCLOAK = LocalKeycloak.instance();
    private static final String PASSWORD = "test-password-1";
    private static final Map<String, String> USERS = new ConcurrentHashMap<>();
    private static final Map<String, String> DEMO_TOKENS = new ConcurrentHashMap<>();
    private static Keycloak admin;

    private TestTokens() {
    }

    private static synchronized Keycloak admin() {
        if (admin == null) {
            admin = KEYCLOAK.admin();
        }
        return admin;
    }

    public static String issuer() {
        return KEYCLOAK.issuer();
    }

    public static String jwkSetUri() {
        return KEYCLOAK.jwkSetUri();
    }

    public static RealmResource realm() {
        return admin().realm(LocalKeycloak.REALM);
    }

    /** The demo secretariat user of the realm (事務局). */
    public static String secretariat() {
        return DEMO_TOKENS.compute("jimukyoku", (user, kept) -> fresh(kept, user, "jimukyoku-demo"));
    }

    /** A member admin of the given organization: a realm user with the role and the organization_id attribute. */
    public static String memberAdmin(String organizationId) {
        String username = USERS.computeIfAbsent("admin:" + organizationId,
                k -> createUser("admin-" + organizationId, "member-admin", Map.of("organization_id", List.of(organizationId))));
        return KEYCLOAK.passwordToken(username, PASSWORD);
    }

    /** The user name and password of {@link #memberAdmin}'s account, for signing in on Keycloak's page in a browser. */
    public static String[] memberAdminSignIn(String organizationId) {
        memberAdmin(organizationId);
        return new String[]{USERS.get("admin:" + organizationId), PASSWORD};
    }

    /** A signed-in person with no platform role. */
    public static String withoutRole() {
        String username = USERS.computeIfAbsent("norole", k -> createUser("norole-" + System.nanoTime(), null, Map.of()));
        return KEYCLOAK.passwordToken(username, PASSWORD);
    }

    /** A token just issued to the demo secretariat (signed with Keycloak's current key), kept from now on. */
    public static String newSecretariatToken() {
        return DEMO_TOKENS.compute("jimukyoku", (user, kept) -> fresh(null, user, "jimukyoku-demo"));
    }

    public static String chair() {
        return DEMO_TOKENS.compute("bunkakai3-chair", (user, kept) -> fresh(kept, user, "chair-demo"));
    }

    /**
     * A kept token while it has four of its five minutes left, else a new one: a test may hold what it got for minutes
     * (across a node's restart), as it could a new token. Only the demo users' tokens are kept: no test changes
     * their roles, and a password grant costs Keycloak a deliberately slow password hash (hundreds of milliseconds of
     * CPU on this machine), which hundreds of calls a run had paid for nothing. Member admins' tokens are not kept,
     * because tests change what Keycloak holds for them (suspension, appointments) and then ask for a new one.
     */
    private static String fresh(String kept, String username, String password) {
        try {
            if (kept != null && SignedJWT.parse(kept).getJWTClaimsSet().getExpirationTime().toInstant()
                                         .isAfter(Instant.now().plusSeconds(240))) {
                return kept;
            }
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
        return KEYCLOAK.passwordToken(username, password);
    }

    /**
     * A sign-in account that acts for the organization but holds no platform role yet (a chair-to-be: the platform
     * gives it the role and the subcommittee_id claim when the secretariat appoints it). Returns {username, id}.
     */
    public static String[] accountFor(String organizationId) {
        String username = createUser("staff-" + System.nanoTime(), null, Map.of("organization_id", List.of(organizationId)));
        return new String[]{username, realm().users().search(username, true).get(0).getId()};
    }

    /** A token for an account made by this class, with what Keycloak holds for it now (roles, claims). */
    public static String tokenOf(String username) {
        return KEYCLOAK.passwordToken(username, PASSWORD);
    }

    public static String expired() {
        String client = USERS.computeIfAbsent("short-lived", k -> createPublicClient("test-short-lived",
                Map.of("access.token.lifespan", "1"), true));
        String token = KEYCLOAK.token(Map.of("grant_type", "password", "client_id", client,
                "username", "jimukyoku", "password", "jimukyoku-demo"));
        // valid for 1 s; the platform allows 5 s of clock skew
        Instant issued = Instant.now();
        await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ofSeconds(7))
               .until(() -> Instant.now().isAfter(issued.plusSeconds(7)));
        return token;
    }

    public static String forAnotherAudience() {
        String client = USERS.computeIfAbsent("no-audience", k -> createPublicClient("test-no-audience", Map.of(), false));
        return KEYCLOAK.token(Map.of("grant_type", "password", "client_id", client,
                "username", "jimukyoku", "password", "jimukyoku-demo"));
    }

    /** A secretariat user of another realm on the same server: a valid token from the wrong issuer. */
    public static String fromAnotherIssuer() {
        USERS.computeIfAbsent("other-realm", k -> {
            RealmRepresentation other = new RealmRepresentation();
            other.setRealm("other");
            other.setEnabled(true);
            admin().realms().create(other);
            ClientRepresentation cli = publicClient("other-cli", Map.of(), true);
            admin().realm("other").clients().create(cli).close();
            admin().realm("other").roles().create(new org.keycloak.representations.idm.RoleRepresentation("secretariat", null, false));
            UserRepresentation user = user("jimukyoku");
            admin().realm("other").users().create(user).close();
            String id = admin().realm("other").users().search("jimukyoku", true).get(0).getId();
            admin().realm("other").users().get(id).roles().realmLevel()
                 .add(List.of(admin().realm("other").roles().get("secretariat").toRepresentation()));
            return "other";
        });
        return KEYCLOAK.token(KEYCLOAK.serverUrl() + "/realms/other/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "other-cli", "username", "jimukyoku", "password", PASSWORD));
    }

    /** Right issuer, right audience, right roles — but signed by a key that is not the realm's. */
    public static String signedByAnotherKey() {
        try {
            RSAKey stranger = new RSAKeyGenerator(2048).keyID("not-keycloaks").generate();
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(issuer()).subject("intruder").audience("platform-api")
                    .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)))
                    .claim("preferred_username", "jimukyoku")
                    .claim("realm_access", Map.of("roles", List.of("secretariat"))).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(stranger.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(stranger));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String createUser(String username, String role, Map<String, List<String>> attributes) {
        UserRepresentation user = user(username);
        user.setAttributes(attributes);
        realm().users().create(user).close();
        String id = realm().users().search(username, true).get(0).getId();
        if (role != null) {
            realm().users().get(id).roles().realmLevel().add(List.of(realm().roles().get(role).toRepresentation()));
        }
        return username;
    }

    private static UserRepresentation user(String username) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setEmail(username.replaceAll("[^a-zA-Z0-9-]", "") + "@test.example.jp");
        user.setEmailVerified(true);
        user.setFirstName("テスト");
        user.setLastName("利用者");
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        return user;
    }

    private static String createPublicClient(String clientId, Map<String, String> attributes, boolean withAudience) {
        realm().clients().create(publicClient(clientId, attributes, withAudience)).close();
        return clientId;
    }

    private static ClientRepresentation publicClient(String clientId, Map<String, String> attributes, boolean withAudience) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setPublicClient(true);
        client.setDirectAccessGrantsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setAttributes(attributes);
        if (withAudience) {
            ProtocolMapperRepresentation audience = new ProtocolMapperRepresentation();
            audience.setName("audience");
            audience.setProtocol("openid-connect");
            audience.setProtocolMapper("oidc-audience-mapper");
            audience.setConfig(Map.of("included.custom.audience", "platform-api", "access.token.claim", "true"));
            client.setProtocolMappers(List.of(audience));
        }
        return client;
    }
}
