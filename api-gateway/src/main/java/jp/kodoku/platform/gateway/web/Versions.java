package jp.kodoku.platform.gateway.web;

import jp.kodoku.platform.membership.api.FieldViolation;
import jp.kodoku.platform.membership.api.InvalidMembershipInput;

import java.util.List;

/** ETag ⇄ aggregate version. ETags are strong and quoted: {@code "7"}. */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version in an If-Match header, or null when the header is absent. */
    public static Long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidMembershipInput(List.of(new FieldViolation("If-Match",
                    "must be the ETag of the resource, e.g. \"3\"")));
        }
    }

    /** For writes where a lost update would hurt: the client must say which version it changes. */
    public static long requiredIfMatch(String ifMatch) {
        Long version = fromIfMatch(ifMatch);
        if (version == null) {
            throw new PreconditionRequired();
        }
        return version;
    }

    public static class PreconditionRequired extends RuntimeException {
        public PreconditionRequired() {
            super("this change needs an If-Match header with the ETag of the version you read");
        }
    }
}
