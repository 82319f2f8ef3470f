package jp.kodoku.platform.membership.api;

import java.util.List;

/** Event: The profile changed; {@code profile} is the whole new profile, {@code changedFields} names what differs. Published contract: never change its shape. */
public record OrganizationProfileUpdated(OrganizationId organizationId, OrganizationProfile profile, List<String> changedFields) {
}
