package jp.kodoku.platform.newsletter.subscription;

import jp.kodoku.platform.infra.personaldata.SealedValue;
import jp.kodoku.platform.newsletter.api.*;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * One subscriber's consent over time: the public form's request and its confirmation (double opt-in), leaving the
 * list and coming back, erasure. Its events are the consent ledger of 特定電子メール法: what was agreed (the
 * wording's version), when, how, and the confirmation. A member organization's contact receives the newsletter as
 * part of membership without a subscription of its own; one is created the first time the contact leaves the list.
 *
 * <p>It also decides whether mail still reaches the address: bounces reported by delivery status notifications
 * suspend it (a hard one at once, soft ones past a limit in a window) until the secretariat lifts the suspension; a
 * contact's subscription is created by its first bounce too.
 */
@Aggregate
public class Subscription {

    /** How long the mailed confirmation link works. */
    public static final Duration CONFIRMATION_WINDOW = Duration.ofHours(48);

    @AggregateIdentifier
    private SubscriptionId id;
    private SubscriptionStatus status;
    private boolean fromForm;
    private String confirmationTokenHash;
    private Instant confirmBy;
    private boolean suspended;
    private final Set<String> reports = new HashSet<>();
    /** Soft bounces since the address last started receiving (created, or its suspension lifted). */
    private final List<Instant> softBounces = new ArrayList<>();

    protected Subscription() {
        // for Axon, and for a member's contact leaving the list for the first time
    }

    Subscription(SubscriptionId id, SealedValue email, String wordingVersion, Instant now, String tokenHash,
                 SealedValue token) {
        apply(new SubscriptionRequested(id, email, wordingVersion, now, now.plus(CONFIRMATION_WINDOW), tokenHash, token));
    }

    SubscriptionStatus status() {
        return status;
    }

    /** An address on the list asks again: a pending one gets a new link; an active one is left as it is. */
    long requestAgain(SealedValue email, String wordingVersion, Instant now, String tokenHash, SealedValue token) {
        requireNotErased();
        if (status != SubscriptionStatus.ACTIVE) {
            apply(new SubscriptionRequested(id, email, wordingVersion, now, now.plus(CONFIRMATION_WINDOW), tokenHash,
                    token));
        }
        return getVersion();
    }

    long confirm(String tokenHash, Instant now) {
        requireNotErased();
        if (status == SubscriptionStatus.ACTIVE) {
            return getVersion();
        }
        if (status != SubscriptionStatus.PENDING_CONFIRMATION || !tokenHash.equals(confirmationTokenHash)) {
            throw new SubscriptionLinkInvalid();
        }
        if (now.isAfter(confirmBy)) {
            throw new NewsletterRuleViolation("the confirmation link has expired; subscribe again for a new one");
        }
        apply(new SubscriptionConfirmed(id, now));
        return getVersion();
    }

    /** Leaving twice changes nothing (a mail client may POST its one-click request more than once). */
    long unsubscribe(SubscriptionId subscriptionId, UnsubscribeChannel how, Instant now) {
        if (status == SubscriptionStatus.UNSUBSCRIBED || status == SubscriptionStatus.ERASED) {
            return getVersion();
        }
        apply(new Unsubscribed(subscriptionId, how, now));
        return getVersion();
    }

    long resubscribe(ConsentChannel how, String wordingVersion, Instant now) {
        requireNotErased();
        if (fromForm || how == ConsentChannel.FORM) {
            throw new NewsletterRuleViolation("a public subscriber comes back through the form and its confirmation");
        }
        if (status != SubscriptionStatus.UNSUBSCRIBED) {
            throw new NewsletterRuleViolation("the subscriber has not left the list");
        }
        apply(new Resubscribed(id, how, wordingVersion, now));
        return getVersion();
    }

    long erase(String reason) {
        if (status == SubscriptionStatus.ERASED) {
            return getVersion();
        }
        if (!fromForm) {
            throw new NewsletterRuleViolation("a member's contact is erased through membership (the contact's data)");
        }
        apply(new SubscriberPersonalDataErased(id, reason));
        return getVersion();
    }

    /**
     * A report read twice counts once. A suspended address records further bounces (the secretariat sees them) but
     * stays suspended as it was; a hard bounce suspends at once, a soft one when it makes the limit within the window.
     */
    long recordBounce(SubscriptionId subscriptionId, String reportId, BounceKind kind, String code,
                      SealedValue diagnostic, IssueId issue, Instant at, BounceLimits limits) {
        if (status == SubscriptionStatus.ERASED || reports.contains(reportId)) {
            return getVersion();
        }
        apply(new BounceRecorded(subscriptionId, reportId, kind, code, diagnostic, issue, at));
        if (suspended) {
            return getVersion();
        }
        if (kind == BounceKind.HARD) {
            apply(new AddressSuspended(subscriptionId, kind, code, diagnostic, issue, 0, at));
        } else {
            Instant windowStart = at.minus(limits.softWindow());
            int counted = (int) softBounces.stream().filter(t -> t.isAfter(windowStart)).count();
            if (counted >= limits.softLimit()) {
                apply(new AddressSuspended(subscriptionId, kind, code, diagnostic, issue, counted, at));
            }
        }
        return getVersion();
    }

    long liftSuspension(Instant now) {
        requireNotErased();
        if (!suspended) {
            throw new NewsletterRuleViolation("the address is not suspended");
        }
        apply(new SuspensionLifted(id, now));
        return getVersion();
    }

    private void requireNotErased() {
        if (status == SubscriptionStatus.ERASED) {
            throw new NewsletterRuleViolation("the subscriber's address was erased");
        }
    }

    @EventSourcingHandler
    void on(SubscriptionRequested e) {
        id = e.subscriptionId();
        fromForm = true;
        status = SubscriptionStatus.PENDING_CONFIRMATION;
        confirmationTokenHash = e.confirmationTokenHash();
        confirmBy = e.confirmBy();
    }

    @EventSourcingHandler
    void on(SubscriptionConfirmed e) {
        status = SubscriptionStatus.ACTIVE;
        confirmationTokenHash = null;
    }

    @EventSourcingHandler
    void on(Unsubscribed e) {
        id = e.subscriptionId();
        status = SubscriptionStatus.UNSUBSCRIBED;
    }

    @EventSourcingHandler
    void on(Resubscribed e) {
        status = SubscriptionStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(BounceRecorded e) {
        id = e.subscriptionId();
        reports.add(e.reportId());
        if (e.kind() == BounceKind.SOFT) {
            softBounces.add(e.at());
        }
    }

    @EventSourcingHandler
    void on(AddressSuspended e) {
        suspended = true;
    }

    @EventSourcingHandler
    void on(SuspensionLifted e) {
        suspended = false;
        softBounces.clear();
    }

    @EventSourcingHandler
    void on(SubscriberPersonalDataErased e) {
        status = SubscriptionStatus.ERASED;
        confirmationTokenHash = null;
    }
}
