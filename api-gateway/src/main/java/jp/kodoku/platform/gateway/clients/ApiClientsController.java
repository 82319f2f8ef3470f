package jp.kodoku.platform.gateway.clients;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.kodoku.platform.gateway.clients.api.ApiClientId;
import jp.kodoku.platform.gateway.clients.api.ApiClientPage;
import jp.kodoku.platform.gateway.clients.api.ApiClientRegistered;
import jp.kodoku.platform.gateway.clients.api.ApiClientStatus;
import jp.kodoku.platform.gateway.clients.api.ApiClientSummary;
import jp.kodoku.platform.gateway.clients.api.FindApiClient;
import jp.kodoku.platform.gateway.clients.api.InvalidApiClientInput;
import jp.kodoku.platform.gateway.clients.api.IssuedSecret;
import jp.kodoku.platform.gateway.clients.api.ListApiClients;
import jp.kodoku.platform.gateway.clients.api.RegisterApiClient;
import jp.kodoku.platform.gateway.clients.api.RevokeApiClient;
import jp.kodoku.platform.gateway.clients.api.RotateApiClientSecret;
import jp.kodoku.platform.gateway.clients.registration.ApiClientRules;
import jp.kodoku.platform.gateway.clients.registration.ClientCredentials;
import jp.kodoku.platform.gateway.clients.registry.ApiClientRegistry;
import jp.kodoku.platform.gateway.security.Access;
import jp.kodoku.platform.gateway.web.Commands;
import jp.kodoku.platform.gateway.web.IfMatch;
import jp.kodoku.platform.gateway.web.Problems;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.gateway.web.Versions;
import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.membership.api.FindOrganization;
import jp.kodoku.platform.membership.api.OrganizationDetails;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.membership.api.OrganizationStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Third-party apps (API clients) as the secretariat manages them. The secret is in the answer to a registration or a
 * rotation and nowhere else: the platform never stores it, so a lost secret is replaced by rotating, not recovered.
 * For the same reason registration takes no Idempotency-Key (a replay would have to store the secret).
 */
@RestController
@RequestMapping("/api/v1/api-clients")
@Tag(name = "API clients", description = "Secretariat: register third-party apps, rotate their secrets, revoke them")
@SecurityRequirement(name = "bearer")
class ApiClientsController {

    private static final Logger log = LoggerFactory.getLogger(ApiClientsController.class);
    private static final String IDENTITY_PROVIDER_FAILED = "The sign-in service (Keycloak) failed; nothing changed";
    private static final Pattern CLIENT_ID = Pattern.compile("app-[a-z2-9]{16}");

    private final Commands commands;
    private final Queries queries;
    private final ApiClientRegistry registry;
    private final String tokenEndpoint;

    ApiClientsController(Commands commands, Queries queries, ApiClientRegistry registry,
                         @Value("${platform.security.issuer-uri}") String issuer) {
        this.commands = commands;
        this.queries = queries;
        this.registry = registry;
        this.tokenEndpoint = issuer + "/protocol/openid-connect/token";
    }

    /** What the secretariat sends to register an app. */
    record NewApiClient(String name, String organizationId, List<String> scopes, List<String> allowedOrigins,
                        Integer ratePerMinute) {
    }

    /** The answer to a registration: the only time the first secret is shown. */
    record RegisteredApiClient(String clientId, String clientSecret, String tokenEndpoint, String name,
                               String organizationId, List<String> scopes, List<String> allowedOrigins,
                               int ratePerMinute, long version) {
    }

    record RotatedSecret(String clientId, String clientSecret, String tokenEndpoint, long version) {
    }

    record RevokedApiClient(String clientId, ApiClientStatus status, long version) {
    }

    @PostMapping
    @Operation(summary = "Register an app: a Keycloak client with the client-credentials grant; the secret is shown once")
    @ApiResponse(responseCode = "201", description = "Registered")
    @ApiResponse(responseCode = "502", description = IDENTITY_PROVIDER_FAILED)
    ResponseEntity<RegisteredApiClient> register(@RequestBody NewApiClient body) {
        Access.requireSecretariat();
        ApiClientId clientId = ApiClientId.random();
        RegisterApiClient command = new RegisterApiClient(clientId, body.name(), body.organizationId(), body.scopes(),
                body.allowedOrigins(), body.ratePerMinute());
        // The aggregate checks again; checking here first reports bad fields before the organization is looked up
        // in the read model (an I/O the aggregate may not do).
        ApiClientRegistered valid = ApiClientRules.registration(command);
        if (valid.organizationId() != null) {
            requireActiveMember(valid.organizationId());
        }
        IssuedSecret issued = commands.send(command, IssuedSecret.class);
        return ResponseEntity.created(URI.create("/api/v1/api-clients/" + clientId.value()))
                             .eTag(Versions.etag(issued.version()))
                             .cacheControl(CacheControl.noStore())
                             .body(new RegisteredApiClient(clientId.value(), issued.secret(), tokenEndpoint, valid.name(),
                                     valid.organizationId(), valid.scopes(), valid.allowedOrigins(),
                                     valid.ratePerMinute(), issued.version()));
    }

    @PostMapping("/{clientId}/secret")
    @Operation(summary = "Rotate the secret: the new one is shown once, the old one stops working at once")
    @ApiResponse(responseCode = "200", description = "Rotated")
    @ApiResponse(responseCode = "502", description = IDENTITY_PROVIDER_FAILED)
    ResponseEntity<RotatedSecret> rotate(@PathVariable String clientId, @IfMatch Long expectedVersion) {
        Access.requireSecretariat();
        IssuedSecret issued = commands.send(new RotateApiClientSecret(id(clientId), expectedVersion), IssuedSecret.class);
        return ResponseEntity.ok().eTag(Versions.etag(issued.version())).cacheControl(CacheControl.noStore())
                             .body(new RotatedSecret(clientId, issued.secret(), tokenEndpoint, issued.version()));
    }

    @DeleteMapping("/{clientId}")
    @Operation(summary = "Revoke: no new tokens, and the platform refuses the client's tokens still in circulation")
    @ApiResponse(responseCode = "200", description = "Revoked")
    @ApiResponse(responseCode = "502", description = IDENTITY_PROVIDER_FAILED)
    ResponseEntity<RevokedApiClient> revoke(@PathVariable String clientId, @IfMatch Long expectedVersion) {
        Access.requireSecretariat();
        ResponseEntity<RevokedApiClient> revoked = commands.write(new RevokeApiClient(id(clientId), expectedVersion),
                version -> new RevokedApiClient(clientId, ApiClientStatus.REVOKED, version));
        registry.markRevoked(clientId);
        return revoked;
    }

    @GetMapping
    @Operation(summary = "The registered apps, oldest first (never their secrets)")
    ApiClientPage list(@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
        Access.requireSecretariat();
        if (limit < 1 || limit > 100) {
            throw new InvalidApiClientInput(List.of(new FieldViolation("limit", "must be between 1 and 100")));
        }
        if (cursor != null && cursor.length() > 500) {
            throw new InvalidApiClientInput(List.of(new FieldViolation("cursor", "is not a cursor of this listing")));
        }
        return queries.one(new ListApiClients(cursor, limit), ApiClientPage.class);
    }

    @GetMapping("/{clientId}")
    @Operation(summary = "One registered app (never its secret)")
    ResponseEntity<ApiClientSummary> one(@PathVariable String clientId) {
        Access.requireSecretariat();
        ApiClientSummary client = queries.optional(new FindApiClient(id(clientId)), ApiClientSummary.class)
                                         .orElseThrow(() -> new NotFound("no such API client"));
        return ResponseEntity.ok().eTag(Versions.etag(client.version())).body(client);
    }

    private void requireActiveMember(String organizationId) {
        boolean active = queries.optional(new FindOrganization(new OrganizationId(organizationId)), OrganizationDetails.class)
                                .filter(o -> o.status() == OrganizationStatus.ACTIVE).isPresent();
        if (!active) {
            throw new InvalidApiClientInput(List.of(new FieldViolation("organizationId",
                    "is not an active member organization")));
        }
    }

    private static ApiClientId id(String clientId) {
        if (!CLIENT_ID.matcher(clientId).matches()) {
            throw new NotFound("no such API client");
        }
        return new ApiClientId(clientId);
    }

    // ---- the one failure of this resource that no shared type covers -----------------------------------------

    @ExceptionHandler(ClientCredentials.IdentityProviderUnavailable.class)
    ResponseEntity<ProblemDetail> identityProvider(ClientCredentials.IdentityProviderUnavailable e) {
        log.warn("Keycloak failed an API-client change; nothing was recorded", e);
        return respond(Problems.of(HttpStatus.BAD_GATEWAY, "identity-provider-unavailable", "Sign-in service failed",
                "the sign-in service (Keycloak) did not carry out the change, so nothing changed; try again later"));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
