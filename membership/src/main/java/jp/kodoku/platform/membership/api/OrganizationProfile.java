package jp.kodoku.platform.membership.api;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    private static final RecordComponent[] COMPONENTS = OrganizationProfile.class.getRecordComponents();

    /**
     * The names of the fields, in order: the JSON field names clients see, and the names in
     * {@link OrganizationProfileUpdated#changedFields()} and the profile history. Derived from the components, so a
     * new field is everywhere at once.
     */
    public static final List<String> FIELDS = Arrays.stream(COMPONENTS).map(RecordComponent::getName).toList();
    private static final Constructor<OrganizationProfile> CANONICAL = canonicalConstructor();

    /** Sorted, so that a profile is always stored and shown in the same order. */
    public OrganizationProfile {
        prefectureCodes = sorted(prefectureCodes);
        fieldsOfActivity = sorted(fieldsOfActivity);
        targetGroups = sorted(targetGroups);
        consultationCapabilities = sorted(consultationCapabilities);
    }

    /** The value of the field with this name (one of {@link #FIELDS}). */
    public Object valueOf(String field) {
        try {
            return COMPONENTS[indexOf(field)].getAccessor().invoke(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fields whose values differ in the other profile, in the order of {@link #FIELDS}. */
    public List<String> fieldsChangedIn(OrganizationProfile other) {
        List<String> changed = new ArrayList<>();
        for (String field : FIELDS) {
            if (!Objects.equals(valueOf(field), other.valueOf(field))) {
                changed.add(field);
            }
        }
        return changed;
    }

    /** This profile with the named fields set to the given values (null included); the others as they are. */
    public OrganizationProfile with(Map<String, ?> values) {
        Object[] arguments = new Object[COMPONENTS.length];
        for (int i = 0; i < COMPONENTS.length; i++) {
            String field = COMPONENTS[i].getName();
            arguments[i] = values.containsKey(field) ? values.get(field) : valueOf(field);
        }
        try {
            return CANONICAL.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Constructor<OrganizationProfile> canonicalConstructor() {
        try {
            return OrganizationProfile.class.getDeclaredConstructor(
                    Arrays.stream(COMPONENTS).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(String field) {
        int index = FIELDS.indexOf(field);
        if (index < 0) {
            throw new IllegalArgumentException("a profile has no field " + field);
        }
        return index;
    }

    private static <T extends Comparable<? super T>> Set<T> sorted(Set<T> values) {
        return values == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }
}
