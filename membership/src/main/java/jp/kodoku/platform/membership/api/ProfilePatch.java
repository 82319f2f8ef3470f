package jp.kodoku.platform.membership.api;

import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A partial update of a profile (JSON merge patch semantics): a null field is left as it is; a field named in
 * {@code cleared} is removed (only optional fields can be cleared). Its fields are those of {@link OrganizationProfile},
 * by name, with types that can be null.
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

    public OrganizationProfile applyTo(OrganizationProfile profile) {
        Map<String, Object> changes = new HashMap<>();
        for (RecordComponent component : ProfilePatch.class.getRecordComponents()) {
            Object value = valueOf(component);
            if (value != null && OrganizationProfile.FIELDS.contains(component.getName())) {
                changes.put(component.getName(), value);
            }
        }
        cleared.stream().filter(CLEARABLE::contains).forEach(field -> changes.put(field, null));
        return profile.with(changes);
    }

    private Object valueOf(RecordComponent component) {
        try {
            return component.getAccessor().invoke(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
