package jp.kodoku.platform.events.api;

import jp.kodoku.platform.membership.api.OrganizationId;

import java.time.Instant;
import java.util.List;

/**
 * An event as the calendar shows it. {@code onlineUrl} is filled only for the secretariat; registered people get it
 * with their registration ({@link RegistrationSummary}). {@code online} says whether there is one.
 *
 * @param symposiumNumber 第N回 of a published symposium, else null
 * @param statusReason    why it was rescheduled, cancelled or rejected, else null
 * @param proposer        the member organization that proposed a campaign event, else null
 */
public record EventSummary(EventId eventId, EventKind kind, String title, String description, CourseLevel courseLevel,
                           EventId campaignId, boolean secretariatOrganizes, List<OrganizationId> organizerOrganizations,
                           OrganizationId proposer, Schedule schedule, Venue venue, boolean online, String onlineUrl,
                           Visibility visibility, EventStatus status, String statusReason, Integer symposiumNumber,
                           RegistrationSettings registration, int confirmedSeats, int waitlistedRegistrations,
                           Instant changedAt, long version) {
}
