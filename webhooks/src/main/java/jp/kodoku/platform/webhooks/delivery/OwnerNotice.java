package jp.kodoku.platform.webhooks.delivery;

import jp.kodoku.platform.infra.mail.Mail;
import jp.kodoku.platform.infra.mail.PlatformMail;
import jp.kodoku.platform.membership.api.ContactView;
import jp.kodoku.platform.membership.api.FindOrganization;
import jp.kodoku.platform.membership.api.OrganizationDetails;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.webhooks.Subscriptions.Subscription;
import jp.kodoku.platform.webhooks.WebhooksProperties;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Mails the owner of a client whose subscription was disabled: the primary contact of the member organization the
 * client acts for (an API client's owner, as registered by the secretariat), or {@code platform.webhooks.owner-address}
 * (the secretariat) for a client of an outside system or an organization without a reachable contact. Through the
 * outbox, in the transaction that disables the subscription.
 */
@Component
class OwnerNotice {

    private static final Logger log = LoggerFactory.getLogger(OwnerNotice.class);

    private final PlatformMail mail;
    private final QueryGateway queries;
    private final WebhooksProperties properties;

    OwnerNotice(PlatformMail mail, QueryGateway queries, WebhooksProperties properties) {
        this.mail = mail;
        this.queries = queries;
        this.properties = properties;
    }

    void disabled(Subscription subscription, String reason, Instant at) {
        String to = ownerAddress(subscription.organizationId());
        mail.enqueue("webhook-disabled/" + subscription.id() + "/" + at.toEpochMilli(),
                     Mail.to(to, "【外部アプリ連携】Webhook の配信を停止しました", "webhooks/subscription-disabled",
                             Map.of("clientId", subscription.clientId(), "subscriptionId", subscription.id(),
                                    "url", subscription.url(), "reason", reason)));
    }

    private String ownerAddress(String organizationId) {
        if (organizationId == null) {
            return properties.ownerAddress();
        }
        try {
            OrganizationDetails details = queries.query(new FindOrganization(new OrganizationId(organizationId)),
                                                        OrganizationDetails.class).get(10, TimeUnit.SECONDS);
            return details.contacts().stream().filter(c -> c.primary() && !c.erased() && c.email() != null)
                          .map(ContactView::email).findFirst().orElse(properties.ownerAddress());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("Webhooks: the owner of organization {} could not be found ({}); mailing {}", organizationId,
                     e.toString(), properties.ownerAddress());
            return properties.ownerAddress();
        }
    }
}
