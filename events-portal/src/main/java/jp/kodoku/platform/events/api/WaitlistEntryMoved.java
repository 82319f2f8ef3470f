package jp.kodoku.platform.events.api;

import java.util.List;

/** Event: the secretariat moved a waitlisted registration; {@code waitlist} is the order after the move. */
public record WaitlistEntryMoved(EventId eventId, RegistrationId registrationId, int from, int to, String reason, List<RegistrationId> waitlist) {
}
