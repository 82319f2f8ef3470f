package jp.kodoku.platform.infra.files;

import java.util.Optional;

/**
 * Where attachments' bytes live, addressed by their SHA-256. One small interface so that an S3-compatible store can
 * replace the database ({@link JdbcFileStorage}) by configuration later; everything else (types, limits, names, who
 * may read) is decided before bytes get here, by {@link Attachments} and by what the file is attached to.
 */
public interface FileStorage {

    /** Keeps the bytes under their hash; the same bytes again change nothing. */
    void put(String sha256, byte[] content);

    Optional<byte[]> get(String sha256);
}
