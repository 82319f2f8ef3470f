package jp.kodoku.platform.gateway.web;

/** Aggregate version → ETag. ETags are strong and quoted: {@code "7"}; {@link IfMatch} reads them back. */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
