package jp.kodoku.platform.newsletter.proposals;

import jp.kodoku.platform.infra.readmodel.VersionedDocument;
import jp.kodoku.platform.newsletter.api.ItemContent;
import jp.kodoku.platform.newsletter.api.ProposalKind;
import jp.kodoku.platform.newsletter.api.ProposalStatus;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** One proposed item as read ({@code newsletter_proposals}): both texts once accepted. */
@Document("newsletter_proposals")
class ProposalView extends VersionedDocument<ProposalView> {

    String organizationId;
    ProposalKind kind;
    ProposalStatus status;
    ItemContent proposed;
    ItemContent accepted;
    boolean edited;
    String issueId;
    String itemId;
    String reason;
    Instant proposedAt;
    Instant decidedAt;
}
