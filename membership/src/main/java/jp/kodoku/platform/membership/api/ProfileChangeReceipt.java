package jp.kodoku.platform.membership.api;

import java.util.List;

/**
 * What a profile change did.
 *
 * @param version        the organization's version now
 * @param proposalId     the pending proposal after the change, or null when none is pending
 * @param proposedFields the fields that wait for approval (empty when everything took effect)
 */
public record ProfileChangeReceipt(long version, String proposalId, List<String> proposedFields) {
}
