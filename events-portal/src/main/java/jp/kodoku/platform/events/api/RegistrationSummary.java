package jp.kodoku.platform.events.api;

import jp.kodoku.platform.membership.api.OrganizationId;

import java.time.Instant;

/**
 * One registration as the secretariat, its organization or its registrant sees it.
 *
 * @param name             a public registrant's name (null once erased, and for member registrations)
 * @param email            a public registrant's e-mail (likewise)
 * @param waitlistPosition 1 = next in line, while waitlisted; else null
 * @param onlineUrl        the event's online URL, only while confirmed
 * @param promotedBecause  why it came off the waitlist, if it did
 * @param attendedSeats    recorded after the event, else null
 * @param registeredAt     when the registration was made (a public one: its request, before the address was confirmed)
 */
public record RegistrationSummary(RegistrationId registrationId, EventId eventId, String eventTitle,
                                  Schedule schedule, RegistrationStatus status, int seats,
                                  OrganizationId organizationId, String name, String email, Long acceptedAs,
                                  Integer waitlistPosition, String onlineUrl, PromotionCause promotedBecause,
                                  Integer attendedSeats, Instant registeredAt,
                                  long version) {
}
