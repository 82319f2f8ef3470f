package jp.kodoku.platform.gateway.clients.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import jp.kodoku.platform.gateway.clients.api.ApiClientId;
import jp.kodoku.platform.gateway.clients.api.ApiClientRegistered;
import jp.kodoku.platform.gateway.clients.api.ApiClientRevoked;
import jp.kodoku.platform.gateway.clients.api.ApiClientRuleViolation;
import jp.kodoku.platform.gateway.clients.api.ApiClientSecretRotated;
import jp.kodoku.platform.gateway.clients.api.InvalidApiClientInput;
import jp.kodoku.platform.gateway.clients.api.IssuedSecret;
import jp.kodoku.platform.gateway.clients.api.RegisterApiClient;
import jp.kodoku.platform.gateway.clients.api.RevokeApiClient;
import jp.kodoku.platform.gateway.clients.api.RotateApiClientSecret;
import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.eventstore.EventStoreConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of an API client, one test each, with Keycloak replaced by {@link InMemoryClientCredentials}. */
class ApiClientTest {

    private static final ApiClientId APP = new ApiClientId("app-abcdefghijkmnpqr");
    private static final String ORGANIZATION = "3f0c6a4e-2b1d-4c55-9a51-5a1f0b7e2c01";
    private static final ApiClientRegistered REGISTERED = new ApiClientRegistered(APP, "居場所マップ", ORGANIZATION,
            List.of("directory:read", "events:read"), List.of("https://map.example.jp"), 120);

    private final InMemoryClientCredentials keycloak = new InMemoryClientCredentials();
    private AggregateTestFixture<ApiClient> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(ApiClient.class);
        fixture.registerAnnotatedCommandHandler(new ApiClientCommandHandler(fixture.getRepository(), keycloak));
    }

    private static RegisterApiClient registration(List<String> scopes, List<String> origins, Integer rate) {
        return new RegisterApiClient(APP, " 居場所マップ ", ORGANIZATION, scopes, origins, rate);
    }

    @Test
    void registering_records_the_normalized_registration_and_creates_the_keycloak_client() {
        fixture.givenNoPriorActivity()
               .when(registration(List.of("events:read", "directory:read", "events:read"),
                       List.of("HTTPS://Map.Example.JP:443/"), null))
               .expectSuccessfulHandlerExecution()
               .expectEvents(REGISTERED)
               .expectResultMessagePayloadMatching(that("the secret Keycloak issued",
                       (IssuedSecret r) -> r.secret().equals(keycloak.secretOf(APP)) && r.version() == 0));
        assertThat(keycloak.clients.get(APP).registration()).isEqualTo(REGISTERED);
        assertThat(keycloak.clients.get(APP).enabled()).isTrue();
    }

    @Test
    void the_secret_is_in_no_event() {
        fixture.givenNoPriorActivity()
               .when(registration(List.of("directory:read"), List.of(), 60))
               .expectSuccessfulHandlerExecution()
               .expectEventsMatching(that("events without the secret", (List<EventMessage<?>> events) ->
                       events.stream().noneMatch(e -> json(e.getPayload()).contains(keycloak.secretOf(APP)))));
    }

    @Test
    void a_rate_left_out_is_120_calls_per_minute() {
        fixture.givenNoPriorActivity()
               .when(new RegisterApiClient(APP, "外部システム", null, List.of("feed:read"), null, null))
               .expectEvents(new ApiClientRegistered(APP, "外部システム", null, List.of("feed:read"), List.of(), 120));
    }

    @Test
    void a_registration_with_bad_fields_is_refused_naming_every_one_and_creates_nothing() {
        fixture.givenNoPriorActivity()
               .when(new RegisterApiClient(APP, "<script>", "not an id!", List.of("directory:write"),
                       List.of("https://ok.example.jp", "http://plain.example.jp", "https://*.example.jp",
                               "https://app.example.jp/path"), 0))
               .expectException(invalid("name", "organizationId", "scopes[0]", "allowedOrigins[1]",
                       "allowedOrigins[2]", "allowedOrigins[3]", "ratePerMinute"))
               .expectNoEvents();
        assertThat(keycloak.clients).isEmpty();
    }

    @Test
    void a_registration_needs_a_name_and_at_least_one_scope() {
        fixture.givenNoPriorActivity()
               .when(new RegisterApiClient(APP, " ", null, List.of(), List.of(), 120))
               .expectException(invalid("name", "scopes"))
               .expectNoEvents();
    }

    @Test
    void plain_http_is_allowed_only_for_a_developers_own_machine() {
        fixture.givenNoPriorActivity()
               .when(registration(List.of("directory:read"), List.of("http://localhost:3000", "http://127.0.0.1:8081"), 120))
               .expectEvents(new ApiClientRegistered(APP, "居場所マップ", ORGANIZATION, List.of("directory:read"),
                       List.of("http://127.0.0.1:8081", "http://localhost:3000"), 120));
    }

    @Test
    void when_keycloak_fails_the_registration_records_nothing() {
        keycloak.goDown();
        fixture.givenNoPriorActivity()
               .when(registration(List.of("directory:read"), List.of(), 120))
               .expectException(ClientCredentials.IdentityProviderUnavailable.class)
               .expectNoEvents();
    }

    @Test
    void rotating_an_active_clients_secret_records_it_and_answers_with_the_new_secret() {
        fixture.givenCommands(registration(List.of("directory:read", "events:read"), List.of("https://map.example.jp"), null))
               .when(new RotateApiClientSecret(APP, null))
               .expectEvents(new ApiClientSecretRotated(APP))
               .expectResultMessagePayloadMatching(that("the new secret",
                       (IssuedSecret r) -> r.secret().equals(keycloak.secretOf(APP)) && r.version() == 1));
    }

    @Test
    void a_revoked_clients_secret_cannot_be_rotated() {
        fixture.given(REGISTERED, new ApiClientRevoked(APP))
               .when(new RotateApiClientSecret(APP, null))
               .expectException(ApiClientRuleViolation.class)
               .expectNoEvents();
    }

    @Test
    void revoking_an_active_client_records_it_and_disables_the_keycloak_client() {
        fixture.givenCommands(registration(List.of("directory:read", "events:read"), List.of("https://map.example.jp"), null))
               .when(new RevokeApiClient(APP, null))
               .expectEvents(new ApiClientRevoked(APP))
               .expectResultMessagePayload(1L);
        assertThat(keycloak.clients.get(APP).enabled()).isFalse();
    }

    @Test
    void a_revoked_client_cannot_be_revoked_again() {
        fixture.given(REGISTERED, new ApiClientRevoked(APP))
               .when(new RevokeApiClient(APP, null))
               .expectException(ApiClientRuleViolation.class)
               .expectNoEvents();
    }

    @Test
    void when_keycloak_fails_the_revocation_records_nothing() {
        keycloak.goDown();
        fixture.given(REGISTERED)
               .when(new RevokeApiClient(APP, null))
               .expectException(ClientCredentials.IdentityProviderUnavailable.class)
               .expectNoEvents();
    }

    @Test
    void a_change_to_a_version_that_is_no_longer_current_is_refused() {
        fixture.given(REGISTERED, new ApiClientSecretRotated(APP))
               .when(new RevokeApiClient(APP, 0L))
               .expectException(ConflictingAggregateVersionException.class)
               .expectNoEvents();
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static String json(Object payload) {
        try {
            return EventStoreConfiguration.eventMapper().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Matcher<Throwable> invalid(String... fields) {
        return that("invalid input naming " + List.of(fields), (Throwable e) -> e instanceof InvalidApiClientInput i
                && i.violations().stream().map(FieldViolation::field).toList().equals(List.of(fields)));
    }

    @SuppressWarnings("unchecked")
    private static <T> Matcher<T> that(String description, Predicate<T> test) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                try {
                    return test.test((T) actual);
                } catch (ClassCastException e) {
                    return false;
                }
            }

            @Override
            public void describeTo(Description d) {
                d.appendText(description);
            }
        };
    }
}
