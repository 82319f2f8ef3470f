package jp.kodoku.platform.gateway.events;

import io.swagger.v3.oas.annotations.media.Schema;
import jp.kodoku.platform.events.api.RegistrationStatus;
import jp.kodoku.platform.events.api.Schedule;

/** Request and response bodies of the events API. Limits are listed in docs/api.md. */
final class EventsRequests {

    private EventsRequests() {
    }

    record Written(String eventId, long version) {
    }

    record Created(String eventId, String status, long version) {
    }

    record Reason(String reason) {
    }

    record Rescheduling(Schedule schedule, String reason) {
    }

    record MemberRegistration(Integer seats) {
    }

    record PublicRegistration(String name, String email, Integer seats) {
    }

    record Confirmation(String token) {
    }

    record WaitlistMove(Integer position, String reason) {
    }

    record Attendance(Integer attendedSeats) {
    }

    record Registered(String eventId, String registrationId, RegistrationStatus status,
                      @Schema(description = "1 = next in line, while waitlisted") Integer waitlistPosition, long version) {
    }

    record PublicReceipt(String eventId, String registrationId, RegistrationStatus status,
                         @Schema(description = "Private link to the registration (see it, cancel it): keep it secret; "
                                 + "it is shown once") String accessUrl, long version) {
    }
}
