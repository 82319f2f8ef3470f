package jp.kodoku.platform.membership.organization;

import jp.kodoku.platform.membership.api.OrganizationId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Kept with the events (same transaction), so a link is valid the moment the submission is acknowledged. */
@Component
class JdbcApplicationAccess implements ApplicationAccess {

    private final JdbcTemplate jdbc;

    JdbcApplicationAccess(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void register(String accessTokenHash, OrganizationId id) {
        jdbc.update("INSERT INTO application_access (token_hash, organization_id) VALUES (?, ?)", accessTokenHash, id.value());
    }

    @Override
    public Optional<OrganizationId> find(String accessTokenHash) {
        return jdbc.query("SELECT organization_id FROM application_access WHERE token_hash = ?",
                (rs, i) -> new OrganizationId(rs.getString(1)), accessTokenHash).stream().findFirst();
    }
}
