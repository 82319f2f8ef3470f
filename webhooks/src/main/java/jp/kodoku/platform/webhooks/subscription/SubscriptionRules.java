package jp.kodoku.platform.webhooks.subscription;

import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.webhooks.TargetAddresses;
import jp.kodoku.platform.webhooks.WebhookCatalogue;
import jp.kodoku.platform.webhooks.api.InvalidWebhookInput;
import jp.kodoku.platform.webhooks.api.RotateWebhookSecret;
import jp.kodoku.platform.webhooks.api.SubscribeToWebhooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What a subscription must be: an https URL the platform may send to, at least one event type of the catalogue, and
 * for every type the scope that lets the client read the same facts through the API (a client never receives by
 * webhook what it may not read).
 */
final class SubscriptionRules {

    static final int MAX_SUBSCRIPTIONS_PER_CLIENT = 20;
    static final int MAX_OVERLAP_HOURS = 7 * 24;
    static final int DEFAULT_OVERLAP_HOURS = 24;

    private SubscriptionRules() {
    }

    /** The event types, sorted and without duplicates, once every field is right; else every bad field at once. */
    static List<String> check(SubscribeToWebhooks command, boolean allowLoopback) {
        List<FieldViolation> violations = new ArrayList<>();
        TargetAddresses.problemWithUrl(command.url(), allowLoopback)
                       .ifPresent(problem -> violations.add(new FieldViolation("url", problem)));
        TreeSet<String> types = new TreeSet<>();
        List<String> requested = command.eventTypes() == null ? List.of() : command.eventTypes();
        if (requested.isEmpty()) {
            violations.add(new FieldViolation("eventTypes", "name at least one event type"));
        }
        for (int i = 0; i < requested.size(); i++) {
            String type = requested.get(i);
            String field = "eventTypes[" + i + "]";
            Optional<WebhookCatalogue.Entry<?>> entry = type == null ? Optional.empty()
                                                                     : WebhookCatalogue.entryOfType(type);
            if (entry.isEmpty()) {
                violations.add(new FieldViolation(field, "is not an event type of the catalogue "
                                                         + "(GET /api/v1/webhook-event-types)"));
            } else if (!command.clientScopes().contains(entry.get().scope())) {
                violations.add(new FieldViolation(field, "needs the scope " + entry.get().scope()
                                                         + ", which this client does not have"));
            } else {
                types.add(type);
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidWebhookInput(violations);
        }
        return List.copyOf(types);
    }

    /** The overlap in hours: the default when none is given. */
    static int overlapHours(RotateWebhookSecret command) {
        Integer hours = command.overlapHours();
        if (hours == null) {
            return DEFAULT_OVERLAP_HOURS;
        }
        if (hours < 0 || hours > MAX_OVERLAP_HOURS) {
            throw new InvalidWebhookInput(List.of(new FieldViolation(
                    "overlapHours", "must be between 0 and " + MAX_OVERLAP_HOURS)));
        }
        return hours;
    }
}
