package jp.kodoku.platform.newsletter.bounces;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.icegreen.greenmail.util.GreenMail;
import jp.kodoku.platform.infra.mail.MailProperties;
import jp.kodoku.platform.newsletter.BounceMailboxes;
import jp.kodoku.platform.newsletter.BounceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;

/**
 * Bounces and mailed unsubscriptions (ADR 0048): where they arrive, and the recurring task
 * {@code newsletter.bounces} that reads both mailboxes every {@code check}. db-scheduler runs a recurring task on one
 * node at a time, so two nodes never read a mailbox at once; a report read again anyway (a node died before flagging
 * it) counts once, keyed by its Message-ID in the subscription.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BounceProperties.class)
class BounceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BounceConfiguration.class);

    /**
     * With no host configured, the embedded mail server (which takes any password and makes a mailbox for any
     * address) holds both mailboxes; with neither, nothing is read and a warning says so once.
     */
    @Bean
    BounceMailboxes bounceMailboxes(BounceProperties properties, MailProperties mail, ObjectProvider<GreenMail> embedded,
                                    @Value("${platform.newsletter.sending.unsubscribe-address:}") String unsubscribe) {
        String domain = mail.fromAddress().substring(mail.fromAddress().indexOf('@'));
        String bounceAddress = properties.address().isBlank() ? "bounces" + domain : properties.address();
        String unsubscribeAddress = unsubscribe.isBlank() ? "unsubscribe" + domain : unsubscribe;
        GreenMail server = embedded.getIfAvailable();
        boolean useEmbedded = properties.host().isBlank() && server != null;
        if (properties.host().isBlank() && server == null) {
            log.warn("Newsletter: no bounce mailbox to read (platform.newsletter.bounces.host is empty and no embedded "
                     + "mail server runs): bounces to {} and unsubscriptions by mail to {} are not read",
                     bounceAddress, unsubscribeAddress);
            return new BounceMailboxes(bounceAddress, unsubscribeAddress, Optional.empty(), Optional.empty());
        }
        String protocol = useEmbedded ? "imap" : properties.protocol();
        String host = useEmbedded ? server.getImap().getBindTo() : properties.host();
        int port = useEmbedded ? server.getImap().getPort()
                : properties.port() != 0 ? properties.port() : "imaps".equals(protocol) ? 993 : 143;
        // the embedded server takes any password
        String password = useEmbedded ? "embedded" : properties.password();
        String unsubscribePassword = useEmbedded ? "embedded" : properties.unsubscribePassword();
        var bounces = new BounceMailboxes.Account(protocol, host, port,
                properties.user().isBlank() ? bounceAddress : properties.user(), password, properties.folder());
        var unsubscribes = new BounceMailboxes.Account(protocol, host, port,
                properties.unsubscribeUser().isBlank() ? unsubscribeAddress : properties.unsubscribeUser(),
                unsubscribePassword, properties.folder());
        log.info("Newsletter: bounces return to {} (read at {}), unsubscriptions by mail to {} (read at {}), every {}",
                bounceAddress, bounces, unsubscribeAddress, unsubscribes, properties.check());
        return new BounceMailboxes(bounceAddress, unsubscribeAddress, Optional.of(bounces), Optional.of(unsubscribes));
    }

    @Bean
    RecurringTask<Void> newsletterBounces(ObjectProvider<MailboxReading> reading, BounceProperties properties) {
        return Tasks.recurring("newsletter.bounces", FixedDelay.of(properties.check()))
                    .execute((instance, context) -> reading.getObject().readBoth());
    }
}
