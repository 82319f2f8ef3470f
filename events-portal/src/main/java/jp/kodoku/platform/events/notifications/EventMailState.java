package jp.kodoku.platform.events.notifications;

import jp.kodoku.platform.events.api.RegistrationStatus;
import jp.kodoku.platform.infra.personaldata.SealedValue;
import jp.kodoku.platform.infra.readmodel.VersionedDocument;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the mails of one event need, kept by the mail processor itself from the same events it mails about (so it never
 * waits for another projection): the event's title, time and place, and each registration's sealed address and status.
 * Collection {@code event_mail_state}.
 */
@Document(EventMailState.COLLECTION)
class EventMailState extends VersionedDocument<EventMailState> {

    static final String COLLECTION = "event_mail_state";

    String title;
    String startDate;
    String startTime;
    String endDate;
    String endTime;
    String startsAt;
    String location;
    String onlineUrl;
    boolean cancelled;
    Integer reminderDaysBefore;
    Integer reminderHoursBefore;
    Map<String, Recipient> registrations = new LinkedHashMap<>();

    record Recipient(SealedValue name, SealedValue email, RegistrationStatus status, int seats) {

        Recipient with(RegistrationStatus to) {
            return new Recipient(name, email, to, seats);
        }
    }
}
