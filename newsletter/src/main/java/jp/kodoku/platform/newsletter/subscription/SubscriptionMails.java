package jp.kodoku.platform.newsletter.subscription;

import jp.kodoku.platform.infra.mail.Mail;
import jp.kodoku.platform.infra.mail.PlatformMail;
import jp.kodoku.platform.infra.personaldata.PersonalDataVault;
import jp.kodoku.platform.newsletter.api.SubscriptionRequested;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The double opt-in's mail: the link that confirms a public subscriber's address, sent once per request (the outbox
 * key is the subscription and the link's hash, so a redelivered event mails nothing twice). Side effects, so a
 * processing group of its own ({@value #GROUP}). Nothing is sent for an address erased meanwhile.
 */
@Component
@ProcessingGroup(SubscriptionMails.GROUP)
class SubscriptionMails {

    static final String GROUP = "newsletter-mail";
    private static final DateTimeFormatter JAPAN_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 H:mm")
                                                                         .withZone(ZoneId.of("Asia/Tokyo"));

    private final PlatformMail mail;
    private final PersonalDataVault vault;
    private final String baseUrl;

    SubscriptionMails(PlatformMail mail, PersonalDataVault vault,
                      @Value("${platform.newsletter.base-url:http://localhost:8080}") String baseUrl) {
        this.mail = mail;
        this.vault = vault;
        this.baseUrl = baseUrl;
    }

    @EventHandler
    void on(SubscriptionRequested e) {
        String to = vault.unseal(e.email()).orElse(null);
        String token = vault.unseal(e.confirmationToken()).orElse(null);
        if (to == null || token == null) {
            return;
        }
        String confirmUrl = baseUrl + "/newsletter/subscriptions/" + e.subscriptionId().value() + "/confirm?token=" + token;
        mail.enqueue("newsletter-confirmation/" + e.subscriptionId().value() + "/" + e.confirmationTokenHash(),
                Mail.to(to, "【確認】メールマガジン配信登録のご確認", "newsletter/confirm-subscription",
                        Map.of("confirmUrl", confirmUrl, "confirmBy", JAPAN_TIME.format(e.confirmBy()))));
    }
}
