package jp.kodoku.platform.events.api;

import jp.kodoku.platform.membership.api.OrganizationId;

/** Event: a member organization proposed an event under a campaign. */
public record CampaignEventProposed(EventId eventId, OrganizationId proposer, EventDetails details) {
}
