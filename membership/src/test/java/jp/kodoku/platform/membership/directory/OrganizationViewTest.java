package jp.kodoku.platform.membership.directory;

import jp.kodoku.platform.membership.api.BodyType;
import jp.kodoku.platform.membership.api.LegalForm;
import jp.kodoku.platform.membership.api.OrganizationProfile;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OrganizationViewTest {

    /** The projection changes copies (VersionedDocument.copy): a field the copy forgot would be lost. */
    @Test
    void aCopyHasEveryFieldOfTheOriginalAndItsOwnLists() throws Exception {
        OrganizationView original = new OrganizationView();
        for (Field field : fields()) {
            field.set(original, sampleValueOf(field));
        }

        OrganizationView copy = original.copy();

        for (Field field : fields()) {
            assertThat(field.get(copy)).as(field.getName()).isEqualTo(field.get(original));
        }
        copy.contacts.clear();
        copy.erasedContactIds.clear();
        assertThat(original.contacts).isNotEmpty();
        assertThat(original.erasedContactIds).isNotEmpty();
    }

    private static List<Field> fields() {
        List<Field> fields = new ArrayList<>();
        for (Field field : OrganizationView.class.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                fields.add(field);
            }
        }
        return fields;
    }

    private static Object sampleValueOf(Field field) {
        Class<?> type = field.getType();
        if (type == String.class) {
            return "sample " + field.getName();
        } else if (type == long.class || type == Long.class) {
            return 7L;
        } else if (type == int.class || type == Integer.class) {
            return 7;
        } else if (type == boolean.class) {
            return true;
        } else if (type == Instant.class) {
            return Instant.parse("2022-12-01T00:00:00Z");
        } else if (type.isEnum()) {
            return type.getEnumConstants()[1];
        } else if (type == List.class) {
            // element types are erased; the copy only has to carry the elements over
            return new ArrayList<>(List.of("element of " + field.getName()));
        } else if (type == OrganizationProfile.class) {
            return new OrganizationProfile("NPO法人さくらネット", "サクラネット", LegalForm.NPO_CORPORATION, null,
                    BodyType.NPO_SUPPORT, false, Set.of("13"), Set.of(), Set.of(), Set.of(), null, null, true);
        }
        throw new AssertionError("no sample value for " + field + ": add one, and make sure copy() copies it");
    }
}
