package jp.kodoku.platform.newsletter.api;

import jp.kodoku.platform.membership.api.ContactId;

import java.time.Instant;

/** A member's contact whose address bounced: suspended from the newsletter or not yet, and the last report. */
public record BouncingContact(ContactId contactId, boolean suspended, BounceKind lastKind, String lastStatus,
                              Instant lastBounceAt) {
}
