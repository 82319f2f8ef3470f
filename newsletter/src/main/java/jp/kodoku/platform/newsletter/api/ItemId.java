package jp.kodoku.platform.newsletter.api;

import java.util.UUID;

/** Identifies one item of an issue (an article under a section); unique across issues. */
public record ItemId(String value) {

    public static ItemId random() {
        return new ItemId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
