package jp.kodoku.platform.infra.mail;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A file attached to a mail. {@code contentType} may carry parameters ({@code text/calendar; method=REQUEST}). */
public record MailAttachment(String filename, String contentType, byte[] content) {

    /**
     * An iCalendar file (from {@code IcsCalendar}) as calendar clients expect it in a mail: {@code text/calendar} with
     * the calendar's {@code METHOD} also as a content-type parameter (RFC 6047), so that a client offers to add,
     * update or remove the event.
     */
    public static MailAttachment calendar(String ics, String method) {
        String m = method.toUpperCase(Locale.ROOT);
        if (!m.matches("PUBLISH|REQUEST|CANCEL")) {
            throw new IllegalArgumentException("calendar method: " + method);
        }
        return new MailAttachment(m.equals("CANCEL") ? "cancel.ics" : "invite.ics",
                                  "text/calendar; charset=UTF-8; method=" + m, ics.getBytes(StandardCharsets.UTF_8));
    }
}
