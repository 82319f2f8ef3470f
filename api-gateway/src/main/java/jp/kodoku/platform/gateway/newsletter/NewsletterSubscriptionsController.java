package jp.kodoku.platform.gateway.newsletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jp.kodoku.platform.gateway.ratelimit.ApplicationRateLimiter;
import jp.kodoku.platform.gateway.security.Access;
import jp.kodoku.platform.gateway.web.Commands;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.newsletter.api.*;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Subscriptions to the newsletter: the public double opt-in, the one-click unsubscribe of RFC 8058 (a mail client
 * POSTs {@code List-Unsubscribe=One-Click} to the List-Unsubscribe URL, without a session), and the secretariat's
 * view of a subscriber's consent ledger (特定電子メール法).
 */
@RestController
@Tag(name = "Newsletter subscriptions", description = "Double opt-in, one-click unsubscribe, the consent ledger")
class NewsletterSubscriptionsController {

    private static final int ID_MAX = 80;

    private final Commands commands;
    private final Queries queries;
    private final ApplicationRateLimiter rateLimiter;

    NewsletterSubscriptionsController(Commands commands, Queries queries, ApplicationRateLimiter rateLimiter) {
        this.commands = commands;
        this.queries = queries;
        this.rateLimiter = rateLimiter;
    }

    @PostMapping("/api/v1/newsletter/subscriptions")
    @Operation(summary = "Anyone: subscribe an address, agreeing to the consent wording of wordingVersion. A link is "
            + "mailed that confirms it within 48 hours; nothing is sent before. The answer is the same for an address "
            + "already on the list. Rate-limited per client address")
    ResponseEntity<NewsletterRequests.SubscriptionState> subscribe(@RequestBody NewsletterRequests.Subscribe body,
                                                                    HttpServletRequest request) {
        rateLimiter.acquire(request.getRemoteAddr());
        commands.send(new RequestSubscription(SubscriptionId.random(), body.email(), body.wordingVersion()),
                SubscriptionId.class);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                             .body(new NewsletterRequests.SubscriptionState("CONFIRMATION_MAILED"));
    }

    @PostMapping("/api/v1/newsletter/subscriptions/{id}/confirmation")
    @Operation(summary = "Confirm a subscription with the token of the mailed link (within 48 hours). Twice changes "
            + "nothing")
    ResponseEntity<NewsletterRequests.SubscriptionState> confirm(@PathVariable String id,
                                                                  @RequestBody NewsletterRequests.Confirmation body) {
        commands.send(new ConfirmSubscription(subscription(id), token(body.token())));
        return ResponseEntity.ok(new NewsletterRequests.SubscriptionState("ACTIVE"));
    }

    /** Any body is accepted: RFC 8058 clients send {@code List-Unsubscribe=One-Click} as a form. */
    @PostMapping("/api/v1/newsletter/unsubscribe/{token}")
    @Operation(summary = "Anyone holding a mail's unsubscribe token: leave the list at once (RFC 8058 one-click; "
            + "the token is the credential, no sign-in). Twice changes nothing")
    ResponseEntity<NewsletterRequests.SubscriptionState> unsubscribe(@PathVariable String token) {
        commands.send(new UnsubscribeWithToken(token(token), UnsubscribeChannel.ONE_CLICK), SubscriptionId.class);
        return ResponseEntity.ok(new NewsletterRequests.SubscriptionState("UNSUBSCRIBED"));
    }

    @GetMapping("/api/v1/newsletter/subscriptions/{id}/consent-ledger")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Secretariat: what the subscriber agreed to, when and how, in order (REQUESTED, CONFIRMED, "
            + "UNSUBSCRIBED, RESUBSCRIBED, ERASED; SUBSCRIBED_BY_MEMBERSHIP for a member's contact)")
    ConsentLedger ledger(@PathVariable String id) {
        Access.requireSecretariat();
        return queries.optional(new FindConsentLedger(subscription(id)), ConsentLedger.class)
                      .orElseThrow(() -> new SubscriptionNotFound(new SubscriptionId(id)));
    }

    static SubscriptionId subscription(String id) {
        if (id == null || id.isBlank() || id.length() > ID_MAX) {
            throw new SubscriptionLinkInvalid();
        }
        return new SubscriptionId(id);
    }

    static String token(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            throw new SubscriptionLinkInvalid();
        }
        return token;
    }
}
