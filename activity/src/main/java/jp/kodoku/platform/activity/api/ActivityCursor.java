package jp.kodoku.platform.activity.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Where a page of the feed starts: after the entry with this time and id, in the feed's order (newest first, then id).
 * Given to clients as an opaque string; they hand it back unchanged. The order is stable because an entry's time and id
 * never change.
 */
public record ActivityCursor(Instant occurredAt, String entryId) {

    private static final String VERSION = "a1";
    private static final int MAX_LENGTH = 400;

    public ActivityCursor {
        if (occurredAt == null || entryId == null || entryId.isBlank()) {
            throw new InvalidActivityInput("cursor", "is not a cursor this feed gave");
        }
    }

    public static ActivityCursor after(ActivityEntry entry) {
        return new ActivityCursor(entry.occurredAt(), entry.id());
    }

    public String encode() {
        String plain = VERSION + "|" + occurredAt + "|" + entryId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client handed back; anything this feed did not give is refused, naming the parameter. */
    public static ActivityCursor parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            throw new InvalidActivityInput("cursor", "is not a cursor this feed gave");
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", 3);
            if (parts.length != 3 || !VERSION.equals(parts[0]) || !parts[2].matches("[A-Za-z0-9:._-]{1,200}")) {
                throw new InvalidActivityInput("cursor", "is not a cursor this feed gave");
            }
            return new ActivityCursor(Instant.parse(parts[1]), parts[2]);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidActivityInput("cursor", "is not a cursor this feed gave");
        }
    }
}
