package jp.kodoku.platform.membership.organization;

import jp.kodoku.platform.infra.text.JapaneseText;
import jp.kodoku.platform.membership.api.DuplicateOrganization;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.membership.api.OrganizationProfile;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The registry as {@link JdbcOrganizationRegistry} keeps it, in a map: one holder per corporate number and per
 * normalized name ({@link JapaneseText#searchKey}), so 「こども居場所ネットワークさくら」 and 「コドモ居場所ネットワーク　サクラ」
 * are the same name. A claim is all or nothing.
 */
final class InMemoryOrganizationRegistry implements OrganizationRegistry {

    private record Holder(OrganizationId id, String name) {
    }

    private final Map<String, Holder> holders = new HashMap<>();

    @Override
    public synchronized void claim(OrganizationId id, OrganizationProfile profile) {
        Map<String, String> keys = keysOf(profile);
        keys.forEach((key, field) -> {
            Holder holder = holders.get(key);
            if (holder != null && !holder.id().equals(id)) {
                throw new DuplicateOrganization(field, holder.id(), holder.name());
            }
        });
        release(id);
        keys.keySet().forEach(key -> holders.put(key, new Holder(id, profile.name())));
    }

    @Override
    public synchronized void release(OrganizationId id) {
        holders.values().removeIf(holder -> holder.id().equals(id));
    }

    @Override
    public synchronized java.util.List<OrganizationRegistry.Holder> holdersOf(OrganizationProfile profile) {
        java.util.List<OrganizationRegistry.Holder> found = new java.util.ArrayList<>();
        keysOf(profile).forEach((key, field) -> {
            Holder holder = holders.get(key);
            if (holder != null) {
                found.add(new OrganizationRegistry.Holder(field, holder.id(), holder.name()));
            }
        });
        return found;
    }

    /** Who holds this corporate number, if anyone. */
    synchronized Optional<OrganizationId> holderOfCorporateNumber(String corporateNumber) {
        return Optional.ofNullable(holders.get(corporateNumberKey(corporateNumber))).map(Holder::id);
    }

    /** Who holds this name (in any of its spellings), if anyone. */
    synchronized Optional<OrganizationId> holderOfName(String name) {
        return Optional.ofNullable(holders.get(nameKey(name))).map(Holder::id);
    }

    synchronized boolean isEmpty() {
        return holders.isEmpty();
    }

    /** Lookup key → the profile field it comes from; the corporate number is checked first, as in the database. */
    private static Map<String, String> keysOf(OrganizationProfile profile) {
        Map<String, String> keys = new LinkedHashMap<>();
        if (profile.corporateNumber() != null && !profile.corporateNumber().isBlank()) {
            keys.put(corporateNumberKey(profile.corporateNumber()), "corporateNumber");
        }
        if (profile.name() != null && !profile.name().isBlank()) {
            keys.put(nameKey(profile.name()), "name");
        }
        return keys;
    }

    private static String corporateNumberKey(String corporateNumber) {
        return "corporate-number:" + corporateNumber;
    }

    private static String nameKey(String name) {
        return "name:" + JapaneseText.nameKey(name);
    }
}
