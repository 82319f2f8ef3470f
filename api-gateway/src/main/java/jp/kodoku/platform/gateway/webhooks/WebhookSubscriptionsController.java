package jp.kodoku.platform.gateway.webhooks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.kodoku.platform.gateway.web.Commands;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.gateway.web.Versions;
import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.webhooks.api.*;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Webhooks (docs/api.md "Webhooks"): a third-party app subscribes its HTTPS endpoint to event types of the catalogue
 * that its scopes allow, and gets the signing secret once; it rotates the secret with an overlap, reads its delivery
 * log, asks for a replay, and reactivates a subscription that was disabled.
 */
@RestController
@Tag(name = "Webhooks", description = "Third-party apps: subscribe to the platform's public events, signed deliveries")
@SecurityRequirement(name = "bearer")
class WebhookSubscriptionsController {

    private static final String BASE = "/api/v1/webhook-subscriptions";

    private final Commands commands;
    private final Queries queries;

    WebhookSubscriptionsController(Commands commands, Queries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    record NewSubscription(String url, List<String> eventTypes) {
    }

    /** The answer to a subscription: the only time its secret is shown. */
    record CreatedSubscription(String subscriptionId, String secret, String url, List<String> eventTypes, long version) {
    }

    record SecretRotation(Integer overlapHours) {
    }

    record RotatedSecret(String subscriptionId, String secret, Instant previousSecretValidUntil, long version) {
    }

    record ReplayRequest(Long fromPosition, Instant fromTime) {
    }

    @GetMapping("/api/v1/webhook-event-types")
    @Operation(summary = "The event types a subscription may name, with the scope each needs (public)")
    List<WebhookEventType> eventTypes() {
        return queries.list(new ListWebhookEventTypes(), WebhookEventType.class);
    }

    @PostMapping(BASE)
    @Operation(summary = "Subscribe an HTTPS endpoint to event types; the signing secret (whsec_…) is shown once")
    @ApiResponse(responseCode = "201", description = "Subscribed")
    ResponseEntity<CreatedSubscription> subscribe(@RequestBody NewSubscription body) {
        WebhooksAccess.App app = WebhooksAccess.requireApp();
        IssuedWebhookSecret issued = commands.send(new SubscribeToWebhooks(app.clientId(), app.organizationId(),
                app.scopes(), body.url(), body.eventTypes()), IssuedWebhookSecret.class);
        WebhookSubscription created = queries.one(new FindWebhookSubscription(issued.subscriptionId(), app.clientId()),
                                                  WebhookSubscription.class);
        return ResponseEntity.created(URI.create(BASE + "/" + issued.subscriptionId()))
                             .eTag(Versions.etag(issued.version())).cacheControl(CacheControl.noStore())
                             .body(new CreatedSubscription(issued.subscriptionId(), issued.secret(), created.url(),
                                                           created.eventTypes(), issued.version()));
    }

    @GetMapping(BASE)
    @Operation(summary = "The app's subscriptions, oldest first (never their secrets)")
    List<WebhookSubscription> list() {
        return queries.list(new ListWebhookSubscriptions(WebhooksAccess.requireApp().clientId()),
                            WebhookSubscription.class);
    }

    @GetMapping(BASE + "/{subscriptionId}")
    @Operation(summary = "One of the app's subscriptions: its state, and why it was disabled")
    ResponseEntity<WebhookSubscription> one(@PathVariable("subscriptionId") String id) {
        WebhookSubscription subscription = queries.one(
                new FindWebhookSubscription(id, WebhooksAccess.requireApp().clientId()), WebhookSubscription.class);
        return ResponseEntity.ok().eTag(Versions.etag(subscription.version())).body(subscription);
    }

    @DeleteMapping(BASE + "/{subscriptionId}")
    @Operation(summary = "Remove a subscription; deliveries not yet made are dropped")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable("subscriptionId") String id) {
        commands.send(new DeleteWebhookSubscription(id, WebhooksAccess.requireApp().clientId()));
    }

    @PostMapping(BASE + "/{subscriptionId}/secret")
    @Operation(summary = "A new secret, shown once; the old one keeps signing for overlapHours (default 24, 0–168)")
    ResponseEntity<RotatedSecret> rotate(@PathVariable("subscriptionId") String id, @RequestBody(required = false) SecretRotation body) {
        IssuedWebhookSecret issued = commands.send(new RotateWebhookSecret(id, WebhooksAccess.requireApp().clientId(),
                body == null ? null : body.overlapHours()), IssuedWebhookSecret.class);
        return ResponseEntity.ok().eTag(Versions.etag(issued.version())).cacheControl(CacheControl.noStore())
                             .body(new RotatedSecret(id, issued.secret(), issued.previousSecretValidUntil(),
                                                     issued.version()));
    }

    @PostMapping(BASE + "/{subscriptionId}/reactivation")
    @Operation(summary = "Deliver again after the subscription was disabled (replay what was missed separately)")
    ResponseEntity<WebhookSubscription> reactivate(@PathVariable("subscriptionId") String id) {
        String clientId = WebhooksAccess.requireApp().clientId();
        commands.send(new EnableWebhookSubscription(id, clientId));
        WebhookSubscription subscription = queries.one(new FindWebhookSubscription(id, clientId), WebhookSubscription.class);
        return ResponseEntity.ok().eTag(Versions.etag(subscription.version())).body(subscription);
    }

    @GetMapping(BASE + "/{subscriptionId}/deliveries")
    @Operation(summary = "The delivery log, newest attempt first: outcome, status, latency, attempt, a short excerpt")
    WebhookDeliveryPage deliveries(@PathVariable("subscriptionId") String id, @RequestParam(required = false) String cursor,
                                   @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 200) {
            throw new InvalidWebhookInput(List.of(new FieldViolation("limit", "must be between 1 and 200")));
        }
        return queries.one(new ListWebhookDeliveries(id, WebhooksAccess.requireApp().clientId(), cursor, limit),
                           WebhookDeliveryPage.class);
    }

    @PostMapping(BASE + "/{subscriptionId}/replays")
    @Operation(summary = "Redeliver every event of the subscription from a position in the event stream or a time")
    @ApiResponse(responseCode = "202", description = "Enqueued: the events follow in order, with their own ids")
    ResponseEntity<WebhookReplay> replay(@PathVariable("subscriptionId") String id, @RequestBody ReplayRequest body) {
        WebhookReplay replay = commands.send(new ReplayWebhookDeliveries(id, WebhooksAccess.requireApp().clientId(),
                body.fromPosition(), body.fromTime()), WebhookReplay.class);
        return ResponseEntity.accepted().body(replay);
    }
}
