package jp.kodoku.platform.membership.organization;

import jp.kodoku.platform.infra.text.JapaneseText;
import jp.kodoku.platform.membership.api.DuplicateOrganization;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.membership.api.OrganizationProfile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Component
class JdbcOrganizationRegistry implements OrganizationRegistry {

    private final JdbcTemplate jdbc;

    JdbcOrganizationRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One look-up of what the organization holds, then only the differences: an unchanged profile costs one statement,
     * a new application one per key.
     */
    @Override
    public void claim(OrganizationId id, OrganizationProfile profile) {
        Map<String, String> keys = keysOf(profile);
        Map<String, String> held = new HashMap<>(); // lookup key → organization name stored with it
        jdbc.query("SELECT lookup_key, organization_name FROM organization_keys WHERE organization_id = ?",
                rs -> { held.put(rs.getString(1), rs.getString(2)); }, id.value());
        held.keySet().stream()
            .filter(heldKey -> !keys.containsKey(heldKey))
            .forEach(stale -> jdbc.update("DELETE FROM organization_keys WHERE lookup_key = ?", stale));
        keys.forEach((key, field) -> {
            if (held.containsKey(key)) {
                return;
            }
            // ON CONFLICT DO NOTHING keeps the transaction usable when another organization holds the key, so that
            // the refusal can name it; on PostgreSQL it also waits for a concurrent claim of the same key to finish.
            int inserted = jdbc.update("INSERT INTO organization_keys (lookup_key, organization_id, organization_name) "
                    + "VALUES (?, ?, ?) ON CONFLICT DO NOTHING", key, id.value(), profile.name());
            if (inserted == 0) {
                List<String[]> holders = jdbc.query(
                        "SELECT organization_id, organization_name FROM organization_keys WHERE lookup_key = ?",
                        (rs, i) -> new String[]{rs.getString(1), rs.getString(2)}, key);
                if (!holders.isEmpty() && !holders.get(0)[0].equals(id.value())) {
                    throw new DuplicateOrganization(field, new OrganizationId(holders.get(0)[0]), holders.get(0)[1]);
                }
            }
        });
        boolean renamed = keys.keySet().stream().anyMatch(key -> held.containsKey(key)
                && !profile.name().equals(held.get(key)));
        if (renamed) {
            jdbc.update("UPDATE organization_keys SET organization_name = ? WHERE organization_id = ?",
                    profile.name(), id.value());
        }
    }

    @Override
    public void release(OrganizationId id) {
        jdbc.update("DELETE FROM organization_keys WHERE organization_id = ?", id.value());
    }

    @Override
    public List<Holder> holdersOf(OrganizationProfile profile) {
        return keysOf(profile).entrySet().stream()
                .flatMap(key -> jdbc.query("SELECT organization_id, organization_name FROM organization_keys WHERE lookup_key = ?",
                        (rs, i) -> new Holder(key.getValue(), new OrganizationId(rs.getString(1)), rs.getString(2)),
                        key.getKey()).stream())
                .toList();
    }

    /** Lookup key → the profile field it comes from; a blank value has no key (a dry run checks incomplete rows). */
    private static Map<String, String> keysOf(OrganizationProfile profile) {
        Map<String, String> keys = new LinkedHashMap<>();
        if (profile.corporateNumber() != null && !profile.corporateNumber().isBlank()) {
            keys.put("corporate-number:" + profile.corporateNumber(), "corporateNumber");
        }
        if (profile.name() != null && !profile.name().isBlank()) {
            keys.put("name:" + JapaneseText.nameKey(profile.name()), "name");
        }
        return keys;
    }
}
