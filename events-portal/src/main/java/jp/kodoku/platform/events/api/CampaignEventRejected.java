package jp.kodoku.platform.events.api;

/** Event: the secretariat refused a proposed campaign event. */
public record CampaignEventRejected(EventId eventId, String reason) {
}
