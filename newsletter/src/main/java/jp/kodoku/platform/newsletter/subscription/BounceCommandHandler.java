package jp.kodoku.platform.newsletter.subscription;

import jp.kodoku.platform.infra.personaldata.PersonalDataVault;
import jp.kodoku.platform.infra.personaldata.SealedValue;
import jp.kodoku.platform.newsletter.BounceProperties;
import jp.kodoku.platform.newsletter.api.*;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Bounces and their suspension, with what the subscription cannot do itself: sealing the diagnostic (it often names
 * the address) with the subscriber's key, the limits from the configuration, the time. The subscription decides.
 */
@Component
public class BounceCommandHandler {

    private static final int STATUS_MAX = 20;
    private static final int REPORT_ID_MAX = 250;
    private static final int DIAGNOSTIC_MAX = 1000;

    private final Repository<Subscription> repository;
    private final PersonalDataVault vault;
    private final BounceLimits limits;
    private final Clock clock;

    @Autowired
    BounceCommandHandler(Repository<Subscription> repository, PersonalDataVault vault, BounceProperties properties) {
        this(repository, vault, new BounceLimits(properties.softLimit(), properties.softWindow()), Clock.systemUTC());
    }

    public BounceCommandHandler(Repository<Subscription> repository, PersonalDataVault vault, BounceLimits limits,
                                Clock clock) {
        this.repository = repository;
        this.vault = vault;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * A member's contact has no subscription until something happens to it; its first bounce makes one. A public
     * subscription must exist (a report naming an unknown one is refused, not turned into a subscription). An address
     * whose data was erased records nothing (there is nobody left to send to, and no key to seal with).
     */
    @CommandHandler
    public long handle(RecordBounce command) throws Exception {
        String status = command.status() == null ? "" : command.status().strip();
        if (!status.matches("[45]\\.\\d{1,3}\\.\\d{1,3}") || status.length() > STATUS_MAX) {
            throw new InvalidNewsletterInput("status", "must be an RFC 3464 status of class 4 or 5, e.g. 5.1.1");
        }
        if (command.reportId() == null || command.reportId().isBlank() || command.reportId().length() > REPORT_ID_MAX) {
            throw new InvalidNewsletterInput("reportId", "must name the report (its Message-ID)");
        }
        String subject = dataSubject(command.subscriptionId());
        if (vault.isErased(subject)) {
            return 0;
        }
        SealedValue diagnostic = command.diagnostic() == null || command.diagnostic().isBlank() ? null
                : vault.seal(subject, shorten(command.diagnostic().strip()))[0];
        BounceKind kind = status.startsWith("5") ? BounceKind.HARD : BounceKind.SOFT;
        var at = command.receivedAt() == null ? clock.instant() : command.receivedAt();
        Aggregate<Subscription> subscription = command.subscriptionId().value().startsWith("contact-")
                ? repository.loadOrCreate(command.subscriptionId().value(), Subscription::new)
                : existing(command.subscriptionId());
        return subscription.invoke(s -> s.recordBounce(command.subscriptionId(), command.reportId(), kind, status,
                                 diagnostic, command.issueId(), at, limits));
    }

    @CommandHandler
    public long handle(LiftSuspension command) {
        return existing(command.subscriptionId()).invoke(s -> s.liftSuspension(clock.instant()));
    }

    private Aggregate<Subscription> existing(SubscriptionId id) {
        try {
            return repository.load(id.value());
        } catch (AggregateNotFoundException e) {
            throw new SubscriptionNotFound(id);
        }
    }

    /** Whose key seals the subscriber's data: membership's contact for a member's contact, else the subscription. */
    static String dataSubject(SubscriptionId subscription) {
        String id = subscription.value();
        return id.startsWith("contact-") ? id.substring("contact-".length()) : id;
    }

    private static String shorten(String diagnostic) {
        return diagnostic.length() <= DIAGNOSTIC_MAX ? diagnostic : diagnostic.substring(0, DIAGNOSTIC_MAX) + "…";
    }
}
