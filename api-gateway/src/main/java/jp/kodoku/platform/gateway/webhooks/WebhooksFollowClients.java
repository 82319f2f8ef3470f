package jp.kodoku.platform.gateway.webhooks;

import jp.kodoku.platform.gateway.clients.api.ApiClientRevoked;
import jp.kodoku.platform.webhooks.api.DisableClientWebhooks;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A revoked API client receives nothing more: its subscriptions are disabled. In the gateway because API clients are
 * the gateway's; the webhooks module knows clients only by id.
 */
@Component
@ProcessingGroup("webhooks-clients")
class WebhooksFollowClients {

    private final CommandGateway commands;

    WebhooksFollowClients(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(ApiClientRevoked e) {
        commands.sendAndWait(new DisableClientWebhooks(e.clientId().value(), "the API client was revoked"));
    }
}
