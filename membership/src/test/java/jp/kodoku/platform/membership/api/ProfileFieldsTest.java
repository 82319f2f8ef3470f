package jp.kodoku.platform.membership.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The profile's field list is its record components: every test here walks the components themselves, so a component
 * added to {@link OrganizationProfile} is compared, patched and named in {@link OrganizationProfile#FIELDS} without
 * anyone listing it (and ProfilePatch, a record of its own for the JSON binding, must have it too).
 */
class ProfileFieldsTest {

    static final OrganizationProfile SAKURA = new OrganizationProfile("こども居場所ネットワークさくら",
            "コドモイバショネットワークサクラ", LegalForm.NPO_CORPORATION, "2011105004321", BodyType.NPO_SUPPORT, false,
            Set.of("13", "14"), Set.of(FieldOfActivity.PLACE_TO_BELONG), Set.of(TargetGroup.CHILDREN_AND_YOUTH),
            Set.of(ConsultationCapability.LOCAL_SUPPORT), "https://sakura.example.jp", "地域のこどもの居場所です。", true);

    static Stream<String> components() {
        return Arrays.stream(OrganizationProfile.class.getRecordComponents()).map(RecordComponent::getName);
    }

    @Test
    void the_fields_are_the_components_in_their_order() {
        assertThat(OrganizationProfile.FIELDS).isEqualTo(components().toList());
    }

    @ParameterizedTest
    @MethodSource("components")
    void a_change_of_any_one_component_is_named_as_that_field_alone(String field) {
        OrganizationProfile changed = SAKURA.with(Map.of(field, otherValueOf(field)));

        assertThat(changed.valueOf(field)).isEqualTo(otherValueOf(field));
        assertThat(SAKURA.fieldsChangedIn(changed)).containsExactly(field);
        assertThat(SAKURA.fieldsChangedIn(SAKURA)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("components")
    void a_patch_of_any_one_component_changes_that_field_alone(String field) throws Exception {
        RecordComponent[] patchFields = ProfilePatch.class.getRecordComponents();
        Object[] arguments = new Object[patchFields.length];
        for (int i = 0; i < patchFields.length; i++) {
            if (patchFields[i].getName().equals(field)) {
                arguments[i] = otherValueOf(field);
            }
        }
        assertThat(Arrays.stream(patchFields).map(RecordComponent::getName)).as("ProfilePatch's fields").contains(field);
        ProfilePatch patch = ProfilePatch.class.getDeclaredConstructor(
                Arrays.stream(patchFields).map(RecordComponent::getType).toArray(Class<?>[]::new)).newInstance(arguments);

        assertThat(SAKURA.fieldsChangedIn(patch.applyTo(SAKURA))).containsExactly(field);
    }

    @Test
    void a_patch_clears_only_the_optional_fields_it_names() {
        ProfilePatch patch = new ProfilePatch(null, null, null, null, null, null, null, null, null, null, null, null,
                null, Set.of("website", "name"));

        OrganizationProfile patched = patch.applyTo(SAKURA);

        assertThat(patched.website()).isNull();
        assertThat(patched.name()).isEqualTo(SAKURA.name());
        assertThat(SAKURA.fieldsChangedIn(patched)).containsExactly("website");
    }

    /** A value of the field's type other than SAKURA's. */
    static Object otherValueOf(String field) {
        RecordComponent component = Arrays.stream(OrganizationProfile.class.getRecordComponents())
                                          .filter(c -> c.getName().equals(field)).findFirst().orElseThrow();
        Object current = SAKURA.valueOf(field);
        Class<?> type = component.getType();
        if (type == String.class) {
            return current + "（変更）";
        }
        if (type == boolean.class) {
            return !((Boolean) current);
        }
        if (type.isEnum()) {
            return Arrays.stream(type.getEnumConstants()).filter(c -> !c.equals(current)).findFirst().orElseThrow();
        }
        if (type == Set.class) {
            Class<?> element = (Class<?>) ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
            return element == String.class ? Set.of("47") : otherEnumSet(element, (Set<?>) current);
        }
        throw new AssertionError("no other value for a " + component.getGenericType() + ": teach otherValueOf");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Set<?> otherEnumSet(Class element, Set<?> current) {
        Set<?> all = EnumSet.allOf(element);
        return all.equals(current) ? Set.of(List.of(element.getEnumConstants()).get(0)) : all;
    }
}
