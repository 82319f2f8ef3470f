package jp.kodoku.platform.gateway.newsletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.kodoku.platform.gateway.security.Access;
import jp.kodoku.platform.gateway.web.Commands;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.newsletter.api.BouncedAddress;
import jp.kodoku.platform.newsletter.api.LiftSuspension;
import jp.kodoku.platform.newsletter.api.ListBouncedAddresses;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Bounced newsletter addresses (ADR 0048): the secretariat sees every address delivery status notifications reported
 * as failing, whether it is suspended and why, and lifts a suspension once the address is fixed.
 */
@RestController
@Tag(name = "Newsletter bounces", description = "Addresses that bounce, their suspension and lifting it")
class NewsletterBouncesController {

    private final Commands commands;
    private final Queries queries;

    NewsletterBouncesController(Commands commands, Queries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @GetMapping("/api/v1/newsletter/bounces")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Secretariat: every address that bounced (suspended ones first, then the latest bounce first), "
            + "with the report that suspended it (status, diagnostic, issue, date) and its latest bounces (at most 20)")
    List<BouncedAddress> bounces() {
        Access.requireSecretariat();
        return queries.list(new ListBouncedAddresses(), BouncedAddress.class);
    }

    @PostMapping("/api/v1/newsletter/subscriptions/{id}/suspension-lifting")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Secretariat: the suspended address was fixed; it receives the next issues, and soft bounces "
            + "are counted afresh. 409 when the address is not suspended")
    NewsletterRequests.SubscriptionState lift(@PathVariable String id) {
        Access.requireSecretariat();
        commands.send(new LiftSuspension(NewsletterSubscriptionsController.subscription(id)));
        return new NewsletterRequests.SubscriptionState("RECEIVING");
    }
}
