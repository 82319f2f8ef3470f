package jp.kodoku.platform.gateway.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.kodoku.platform.infra.errors.InvalidInput;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Idempotency-Key for creating requests: a retried request (same key, same body) gets the first response again and
 * creates nothing new. The key is stored in the same transaction as the events the request appends, so "done" and
 * "remembered as done" can never disagree, even across a crash.
 */
@Component
public class IdempotentRequests {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final Duration KEPT = Duration.ofHours(24);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;

    public IdempotentRequests(JdbcTemplate jdbc, TransactionTemplate transactions, ObjectMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
    }

    public ResponseEntity<?> run(String scope, String key, Object request, Supplier<ResponseEntity<?>> action) {
        if (key == null) {
            return action.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidInput("Idempotency-Key", "must be 1–200 visible ASCII characters, e.g. a UUID");
        }
        String fingerprint = fingerprint(request);
        try {
            return transactions.execute(tx -> replay(scope, key, fingerprint).orElseGet(() -> {
                // The key is taken first: a concurrent twin waits here until this transaction ends, then replays
                // its answer instead of racing it through the command (where it would meet a duplicate).
                claim(scope, key, fingerprint);
                ResponseEntity<?> response = action.get();
                remember(scope, key, response);
                return response;
            }));
        } catch (DuplicateKeyException concurrentTwin) {
            return replay(scope, key, fingerprint).orElseThrow(() -> concurrentTwin);
        }
    }

    private java.util.Optional<ResponseEntity<?>> replay(String scope, String key, String fingerprint) {
        List<ResponseEntity<?>> stored = jdbc.query(
                "SELECT fingerprint, status, location, body, created_at FROM idempotency_keys WHERE scope = ? AND idem_key = ?",
                (rs, i) -> {
                    if (rs.getTimestamp(5).toInstant().isBefore(Instant.now().minus(KEPT))) {
                        return null;
                    }
                    if (!rs.getString(1).equals(fingerprint)) {
                        throw new IdempotencyKeyReused();
                    }
                    ResponseEntity.BodyBuilder builder = ResponseEntity.status(rs.getInt(2))
                                                                       .header("Idempotent-Replayed", "true");
                    if (rs.getString(3) != null) {
                        builder.header(HttpHeaders.LOCATION, rs.getString(3));
                    }
                    return builder.body(readBody(rs.getString(4)));
                }, scope, key);
        return stored.stream().filter(r -> r != null).findFirst().map(r -> (ResponseEntity<?>) r);
    }

    private void claim(String scope, String key, String fingerprint) {
        jdbc.update("DELETE FROM idempotency_keys WHERE created_at < ?", Timestamp.from(Instant.now().minus(KEPT)));
        jdbc.update("INSERT INTO idempotency_keys (scope, idem_key, fingerprint, status, created_at) VALUES (?, ?, ?, 0, ?)",
                scope, key, fingerprint, Timestamp.from(Instant.now()));
    }

    private void remember(String scope, String key, ResponseEntity<?> response) {
        String location = response.getHeaders().getLocation() == null ? null : response.getHeaders().getLocation().toString();
        jdbc.update("UPDATE idempotency_keys SET status = ?, location = ?, body = ? WHERE scope = ? AND idem_key = ?",
                response.getStatusCode().value(), location, writeBody(response.getBody()), scope, key);
    }

    private String fingerprint(Object request) {
        try {
            byte[] canonical = json.writeValueAsBytes(json.valueToTree(request));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String writeBody(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode readBody(String body) {
        try {
            return json.readTree(body.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
