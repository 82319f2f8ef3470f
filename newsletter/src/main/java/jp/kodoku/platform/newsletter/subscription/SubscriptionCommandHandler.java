package jp.kodoku.platform.newsletter.subscription;

import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.personaldata.PersonalDataVault;
import jp.kodoku.platform.infra.personaldata.SealedValue;
import jp.kodoku.platform.infra.text.EmailAddresses;
import jp.kodoku.platform.newsletter.Tokens;
import jp.kodoku.platform.newsletter.UnsubscribeLinks;
import jp.kodoku.platform.newsletter.api.*;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Subscriptions' commands with what the aggregate cannot do itself: the address on the list once, sealing it, the
 * link's token, the time, and erasure of the key. The subscription decides every change of its consent.
 */
@Component
public class SubscriptionCommandHandler {

    public static final int WORDING_VERSION_MAX = 40;

    private final Repository<Subscription> repository;
    private final SubscriberAddresses addresses;
    private final PersonalDataVault vault;
    private final UnsubscribeLinks links;
    private final Clock clock;

    @Autowired
    SubscriptionCommandHandler(Repository<Subscription> repository, SubscriberAddresses addresses,
                               PersonalDataVault vault, UnsubscribeLinks links) {
        this(repository, addresses, vault, links, Clock.systemUTC());
    }

    public SubscriptionCommandHandler(Repository<Subscription> repository, SubscriberAddresses addresses,
                                      PersonalDataVault vault, UnsubscribeLinks links, Clock clock) {
        this.repository = repository;
        this.addresses = addresses;
        this.vault = vault;
        this.links = links;
        this.clock = clock;
    }

    /** Answers the subscription holding the address (the caller must not show it: it tells whether one existed). */
    @CommandHandler
    public SubscriptionId handle(RequestSubscription command) throws Exception {
        List<FieldViolation> violations = new ArrayList<>();
        String email = command.email() == null ? null : command.email().strip();
        if (email == null || email.isEmpty()) {
            violations.add(new FieldViolation("email", "is required"));
        } else if (!EmailAddresses.isValid(email)) {
            violations.add(new FieldViolation("email", "must be an e-mail address"));
        }
        String wording = command.wordingVersion() == null ? "" : command.wordingVersion().strip();
        if (wording.isEmpty() || wording.length() > WORDING_VERSION_MAX) {
            violations.add(new FieldViolation("wordingVersion",
                    "must name the consent wording shown (at most " + WORDING_VERSION_MAX + " characters)"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidNewsletterInput(violations);
        }
        SubscriptionId holder = addresses.claim(Tokens.sha256(email.toLowerCase(Locale.ROOT)), command.subscriptionId());
        String token = Tokens.random();
        SealedValue[] sealed = vault.seal(holder.value(), email, token);
        if (holder.equals(command.subscriptionId())) {
            repository.newInstance(() -> new Subscription(holder, sealed[0], wording, clock.instant(),
                    Tokens.sha256(token), sealed[1]));
        } else {
            repository.load(holder.value())
                      .execute(s -> s.requestAgain(sealed[0], wording, clock.instant(), Tokens.sha256(token), sealed[1]));
        }
        return holder;
    }

    @CommandHandler
    public long handle(ConfirmSubscription command) {
        String token = command.confirmationToken();
        if (token == null || token.isBlank()) {
            throw new SubscriptionLinkInvalid();
        }
        Aggregate<Subscription> subscription;
        try {
            subscription = repository.load(command.subscriptionId().value());
        } catch (AggregateNotFoundException e) {
            throw new SubscriptionLinkInvalid();
        }
        return subscription.invoke(s -> s.confirm(Tokens.sha256(token), clock.instant()));
    }

    /** A member's contact has no subscription until it first leaves the list; then one is made. */
    @CommandHandler
    public long handle(Unsubscribe command) throws Exception {
        if (command.how() == null) {
            throw new InvalidNewsletterInput("how", "is required");
        }
        Aggregate<Subscription> subscription = command.subscriptionId().value().startsWith("contact-")
                ? repository.loadOrCreate(command.subscriptionId().value(), Subscription::new)
                : existing(command.subscriptionId());
        return subscription.invoke(s -> s.unsubscribe(command.subscriptionId(), command.how(), clock.instant()));
    }

    /** The one-click POST and the footer's link: the token is the credential, checked before anything is loaded. */
    @CommandHandler
    public SubscriptionId handle(UnsubscribeWithToken command) throws Exception {
        SubscriptionId subscription = links.subscriptionOf(command.token()).orElseThrow(SubscriptionLinkInvalid::new);
        handle(new Unsubscribe(subscription, command.how()));
        return subscription;
    }

    @CommandHandler
    public long handle(Resubscribe command) {
        if (command.how() == null) {
            throw new InvalidNewsletterInput("how", "is required");
        }
        String wording = command.wordingVersion() == null ? "" : command.wordingVersion().strip();
        if (wording.isEmpty() || wording.length() > WORDING_VERSION_MAX) {
            throw new InvalidNewsletterInput("wordingVersion", "must name the consent wording (at most "
                    + WORDING_VERSION_MAX + " characters)");
        }
        return existing(command.subscriptionId()).invoke(s -> s.resubscribe(command.how(), wording, clock.instant()));
    }

    @CommandHandler
    public long handle(EraseSubscriber command) {
        String reason = command.reason() == null ? "" : command.reason().strip();
        if (reason.isEmpty()) {
            throw new InvalidNewsletterInput("reason", "is required");
        }
        long version = existing(command.subscriptionId()).invoke(s -> s.erase(reason));
        addresses.release(command.subscriptionId());
        vault.erase(command.subscriptionId().value());
        return version;
    }

    private Aggregate<Subscription> existing(SubscriptionId id) {
        try {
            return repository.load(id.value());
        } catch (AggregateNotFoundException e) {
            throw new SubscriptionNotFound(id);
        }
    }
}
