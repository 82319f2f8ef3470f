package jp.kodoku.platform.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.kodoku.platform.infra.personaldata.PersonalDataVault;
import jp.kodoku.platform.infra.personaldata.SealedValue;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The token of a mailed confirmation link, read as the mail sender reads it: sealed in the request's event. */
public final class SealedTokens {

    private SealedTokens() {
    }

    /** The {@code confirmationToken} of the aggregate's (first) event of this type, unsealed. */
    public static String confirmationToken(JdbcTemplate jdbc, PersonalDataVault vault, String aggregateId,
                                           String eventType) {
        String payload = jdbc.queryForObject("SELECT payload FROM domainevententry WHERE aggregateidentifier = ? "
                        + "AND payloadtype LIKE ? ORDER BY sequencenumber LIMIT 1",
                (rs, i) -> new String(rs.getBytes(1), StandardCharsets.UTF_8), aggregateId, "%." + eventType);
        try {
            JsonNode sealed = new ObjectMapper().readTree(payload).get("confirmationToken");
            return vault.unseal(new SealedValue(sealed.get("subject").asText(), sealed.get("ciphertext").asText()))
                        .orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
