package jp.kodoku.platform.webhooks.api;

import java.util.List;

/**
 * Command (an API client): deliver the events of these types to this URL. Fields are as the client sent them;
 * {@code SubscriptionRules} checks them. The client's id, organization and scopes come from its token, never from the
 * request body. Answered with {@link IssuedWebhookSecret}.
 */
public record SubscribeToWebhooks(String clientId, String organizationId, List<String> clientScopes, String url,
                                  List<String> eventTypes) {

    public SubscribeToWebhooks {
        clientScopes = clientScopes == null ? List.of() : List.copyOf(clientScopes);
    }
}
