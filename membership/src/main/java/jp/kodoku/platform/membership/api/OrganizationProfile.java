package jp.kodoku.platform.membership.api;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The organization's own description of itself, as published in the directory when it consents. Part of several
 * events: its shape never changes (new fields come with an upcaster). Contacts are not part of it: they are personal
 * data and travel separately, sealed.
 *
 * @param prefectureCodes JIS X 0401 codes ("01"–"47"); empty when {@code nationwide}
 * @param corporateNumber 法人番号, 13 digits, or null for bodies that have none
 */
public record OrganizationProfile(
        String name,
        String nameKana,
        LegalForm legalForm,
        String corporateNumber,
        BodyType bodyType,
        boolean nationwide,
        Set<String> prefectureCodes,
        Set<FieldOfActivity> fieldsOfActivity,
        Set<TargetGroup> targetGroups,
        Set<ConsultationCapability> consultationCapabilities,
        String website,
        String publicDescription,
        boolean consentToPublish) {

    /** Sorted, so that a profile is always stored and shown in the same order. */
    public OrganizationProfile {
        prefectureCodes = sorted(prefectureCodes);
        fieldsOfActivity = sorted(fieldsOfActivity);
        targetGroups = sorted(targetGroups);
        consultationCapabilities = sorted(consultationCapabilities);
    }

    private static <T extends Comparable<? super T>> Set<T> sorted(Set<T> values) {
        return values == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }
}
