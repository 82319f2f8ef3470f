package jp.kodoku.platform.membership.directory;

import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.membership.api.InvalidMembershipInput;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * An opaque page cursor: the sort key of the last item returned, tagged with the sort it belongs to, so that a cursor
 * from one listing is refused by another instead of silently skipping items.
 */
record Cursor(String sort, String lastKey) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                     .encodeToString((sort + "\n" + lastKey).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String value, String expectedSort) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            int newline = decoded.indexOf('\n');
            if (newline > 0 && decoded.substring(0, newline).equals(expectedSort)) {
                return new Cursor(expectedSort, decoded.substring(newline + 1));
            }
        } catch (IllegalArgumentException notBase64) {
            // fall through
        }
        throw new InvalidMembershipInput(List.of(new FieldViolation("cursor",
                "is not a cursor of this listing; use the nextCursor of the previous page")));
    }
}
