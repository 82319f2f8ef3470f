package jp.kodoku.platform.events.api;

/** Event: the secretariat approved a proposed campaign event (it is published with this). */
public record CampaignEventApproved(EventId eventId) {
}
