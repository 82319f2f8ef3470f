package jp.kodoku.platform.newsletter.recipients;

import jp.kodoku.platform.infra.personaldata.SealedValue;
import jp.kodoku.platform.infra.readmodel.VersionedDocument;
import jp.kodoku.platform.newsletter.api.ConsentLedger;
import jp.kodoku.platform.newsletter.api.SubscriptionStatus;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.List;

/** One subscription's state and its consent ledger; {@code email} only for a public subscriber (until erased). */
@Document("newsletter_subscriptions")
class SubscriberView extends VersionedDocument<SubscriberView> {

    SubscriptionStatus status;
    boolean publicSubscriber;
    SealedValue email;
    List<ConsentLedger.Entry> ledger = new ArrayList<>();
}
