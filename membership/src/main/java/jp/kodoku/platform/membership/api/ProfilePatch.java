package jp.kodoku.platform.membership.api;

import java.util.Set;

/**
 * A partial update of a profile (JSON merge patch semantics): a null field is left as it is; a field named in
 * {@code cleared} is removed (only optional fields can be cleared).
 */
public record ProfilePatch(
        String name,
        String nameKana,
        LegalForm legalForm,
        String corporateNumber,
        BodyType bodyType,
        Boolean nationwide,
        Set<String> prefectureCodes,
        Set<FieldOfActivity> fieldsOfActivity,
        Set<TargetGroup> targetGroups,
        Set<ConsultationCapability> consultationCapabilities,
        String website,
        String publicDescription,
        Boolean consentToPublish,
        Set<String> cleared) {

    public static final Set<String> CLEARABLE = Set.of("corporateNumber", "website", "publicDescription");

    public ProfilePatch {
        cleared = cleared == null ? Set.of() : Set.copyOf(cleared);
    }

    public OrganizationProfile applyTo(OrganizationProfile p) {
        return new OrganizationProfile(
                pick(name, p.name()),
                pick(nameKana, p.nameKana()),
                pick(legalForm, p.legalForm()),
                cleared.contains("corporateNumber") ? null : pick(corporateNumber, p.corporateNumber()),
                pick(bodyType, p.bodyType()),
                pick(nationwide, p.nationwide()),
                pick(prefectureCodes, p.prefectureCodes()),
                pick(fieldsOfActivity, p.fieldsOfActivity()),
                pick(targetGroups, p.targetGroups()),
                pick(consultationCapabilities, p.consultationCapabilities()),
                cleared.contains("website") ? null : pick(website, p.website()),
                cleared.contains("publicDescription") ? null : pick(publicDescription, p.publicDescription()),
                pick(consentToPublish, p.consentToPublish()));
    }

    private static <T> T pick(T patched, T current) {
        return patched != null ? patched : current;
    }
}
