package jp.kodoku.platform.gateway.membership;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jp.kodoku.platform.gateway.idempotency.IdempotentRequests;
import jp.kodoku.platform.gateway.ratelimit.ApplicationRateLimiter;
import jp.kodoku.platform.gateway.web.SecretLinks;
import jp.kodoku.platform.gateway.web.Commands;
import jp.kodoku.platform.gateway.web.Versions;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.membership.api.*;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.net.URI;
import java.util.Optional;

/**
 * The public membership application (会員情報登録に関する受付フォーム). Applicants have no account: the response to a
 * submission carries a private link, an unguessable capability through which they follow and resubmit it.
 */
@RestController
@RequestMapping("/api/v1/applications")
@Tag(name = "Applications", description = "Apply for membership; follow and resubmit through the private link")
class ApplicationsController {

    static final String EXAMPLE = """
            {
              "profile": {
                "name": "こども居場所ネットワークさくら",
                "nameKana": "コドモイバショネットワークサクラ",
                "legalForm": "NPO_CORPORATION",
                "corporateNumber": "7000012050002",
                "bodyType": "NPO_SUPPORT",
                "nationwide": false,
                "prefectureCodes": ["13", "14"],
                "fieldsOfActivity": ["PLACE_TO_BELONG", "FOOD_SUPPORT"],
                "targetGroups": ["CHILDREN_AND_YOUTH", "SINGLE_PARENTS"],
                "consultationCapabilities": ["LOCAL_SUPPORT"],
                "website": "https://sakura.example.jp",
                "publicDescription": "東京都・神奈川県でこども食堂と居場所づくりを行っています。",
                "consentToPublish": true
              },
              "requestedCategory": "REGULAR",
              "primaryContact": {"name": "山田 花子", "email": "hanako@sakura.example.jp", "phone": "03-1234-5678", "department": "事務局"},
              "bylawsVersion": "2022-02"
            }""";

    private final Commands commands;
    private final Queries queries;
    private final IdempotentRequests idempotency;
    private final ApplicationRateLimiter rateLimiter;

    ApplicationsController(Commands commands, Queries queries, IdempotentRequests idempotency,
                           ApplicationRateLimiter rateLimiter) {
        this.commands = commands;
        this.queries = queries;
        this.idempotency = idempotency;
        this.rateLimiter = rateLimiter;
    }

    @PostMapping
    @Operation(summary = "Submit a membership application (no account needed; rate-limited per client address)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "NPO", value = EXAMPLE))))
    @ApiResponse(responseCode = "201", description = "Received; the private link is in Location and accessUrl",
            content = @Content(schema = @Schema(implementation = MembershipRequests.ApplicationReceipt.class)))
    @ApiResponse(responseCode = "429", description = "Too many applications from this address; wait Retry-After seconds")
    ResponseEntity<?> submit(@RequestBody MembershipRequests.Application body,
                             @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                             HttpServletRequest request) {
        rateLimiter.acquire(request.getRemoteAddr());
        return idempotency.run("applications", idempotencyKey, body, () -> {
            OrganizationId id = OrganizationId.random();
            String token = SecretLinks.newToken();
            long version = commands.send(new SubmitMembershipApplication(id, body.profile(), body.requestedCategory(),
                    body.primaryContact(), body.bylawsVersion(), SecretLinks.hash(token)));
            URI link = URI.create("/api/v1/applications/access/" + token);
            return ResponseEntity.created(link)
                                 .eTag(Versions.etag(version))
                                 .body(new MembershipRequests.ApplicationReceipt(id.value(),
                                         OrganizationStatus.APPLIED.name(), link.toString(), version));
        });
    }

    @GetMapping("/access/{token}")
    @Operation(summary = "The applicant's view of its application: state, the secretariat's comment, what was sent")
    ResponseEntity<OrganizationDetails> status(@PathVariable String token) {
        OrganizationDetails details = find(token);
        return ResponseEntity.ok()
                             .eTag(Versions.etag(details.version()))
                             .header(HttpHeaders.CACHE_CONTROL, "no-store")
                             .body(details);
    }

    @PutMapping("/access/{token}")
    @Operation(summary = "Resubmit an application that was sent back for changes")
    ResponseEntity<MembershipRequests.Written> resubmit(@PathVariable String token,
                                                        @RequestBody MembershipRequests.Resubmission body) {
        OrganizationDetails details = find(token);
        return commands.write(new ResubmitMembershipApplication(new OrganizationId(details.organizationId()),
                body.profile(), body.requestedCategory(), body.primaryContact()),
                version -> new MembershipRequests.Written(details.organizationId(), version));
    }

    private OrganizationDetails find(String token) {
        Optional<OrganizationDetails> found = token.length() > 100 ? Optional.empty() : queries.optional(
                new FindApplicationByAccessToken(SecretLinks.hash(token)), OrganizationDetails.class);
        return found.orElseThrow(() -> new NotFound(
                "no application behind this link (a new application may take a moment to appear)"));
    }
}
