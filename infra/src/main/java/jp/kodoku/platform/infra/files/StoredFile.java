package jp.kodoku.platform.infra.files;

import java.util.regex.Pattern;

/**
 * A file as events and read models refer to it: the hash of its bytes (the key in {@link FileStorage}), the name it was
 * uploaded under, the media type its bytes were found to be, and its size. Safe to keep in an event: no bytes.
 */
public record StoredFile(String sha256, String fileName, String mediaType, long size) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public StoredFile {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
        }
        if (fileName == null || fileName.isBlank() || mediaType == null || size < 0) {
            throw new IllegalArgumentException("a stored file has a name, a media type and a size");
        }
    }
}
