package jp.kodoku.platform.events.api;

import jp.kodoku.platform.membership.api.OrganizationId;

import java.util.List;

/**
 * Everything the editor of an event sets (checked by {@code EventRules}).
 *
 * @param courseLevel            only for a training course, which needs it
 * @param campaignId             only for a campaign event: the 強化月間 it belongs to
 * @param secretariatOrganizes   the secretariat (事務局) is an organizer
 * @param organizerOrganizations member organizations that organize it
 * @param venue                  in person, or null
 * @param onlineUrl              online (https), or null; shown only to people registered
 * @param registration           how it takes registrations, or null when it takes none
 */
public record EventDetails(EventKind kind, String title, String description, CourseLevel courseLevel,
                           EventId campaignId, boolean secretariatOrganizes,
                           List<OrganizationId> organizerOrganizations, Schedule schedule, Venue venue,
                           String onlineUrl, Visibility visibility, RegistrationSettings registration) {

    public EventDetails {
        organizerOrganizations = organizerOrganizations == null ? List.of() : List.copyOf(organizerOrganizations);
    }
}
