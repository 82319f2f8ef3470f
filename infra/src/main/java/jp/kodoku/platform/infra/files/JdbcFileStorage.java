package jp.kodoku.platform.infra.files;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Attachments in the system-of-record database ({@code file_contents}, DESIGN.md §14): written in the transaction of
 * the command that attaches them, so a refused command leaves no bytes behind and a committed event never names a
 * file that is not there. Files are at most {@link Attachments#MAX_BYTES}, read whole; that suits BYTEA.
 */
@Component
public class JdbcFileStorage implements FileStorage {

    private final JdbcTemplate jdbc;

    public JdbcFileStorage(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void put(String sha256, byte[] content) {
        // DO NOTHING: the same hash is the same bytes; a duplicate-key error would spoil the command's transaction
        jdbc.update("INSERT INTO file_contents (sha256, size, content, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                sha256, (long) content.length, content, Timestamp.from(Instant.now()));
    }

    @Override
    public Optional<byte[]> get(String sha256) {
        return jdbc.query("SELECT content FROM file_contents WHERE sha256 = ?", (rs, i) -> rs.getBytes(1), sha256)
                   .stream().findFirst();
    }
}
