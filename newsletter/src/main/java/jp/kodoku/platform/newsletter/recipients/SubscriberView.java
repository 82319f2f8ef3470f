package jp.kodoku.platform.newsletter.recipients;

import jp.kodoku.platform.infra.personaldata.SealedValue;
import jp.kodoku.platform.infra.readmodel.VersionedDocument;
import jp.kodoku.platform.newsletter.api.BounceKind;
import jp.kodoku.platform.newsletter.api.ConsentLedger;
import jp.kodoku.platform.newsletter.api.SubscriptionStatus;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One subscription's state and its consent ledger; {@code email} only for a public subscriber (until erased). Its
 * bounces (the newest {@value #BOUNCES_KEPT}, newest first) and whether they suspended the address, and by which.
 */
@Document("newsletter_subscriptions")
class SubscriberView extends VersionedDocument<SubscriberView> {

    SubscriptionStatus status;
    boolean publicSubscriber;
    SealedValue email;
    List<ConsentLedger.Entry> ledger = new ArrayList<>();
    boolean suspended;
    Bounce suspendedBy;
    List<Bounce> bounces = new ArrayList<>();

    static final int BOUNCES_KEPT = 20;

    /** One delivery report; the diagnostic sealed as in the event. */
    record Bounce(BounceKind kind, String status, SealedValue diagnostic, String issueId, Instant at) {
    }
}
