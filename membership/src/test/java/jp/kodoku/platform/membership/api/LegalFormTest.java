package jp.kodoku.platform.membership.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class LegalFormTest {

    @Test
    void an_unincorporated_association_has_no_corporate_number() {
        assertThat(LegalForm.UNINCORPORATED_ASSOCIATION.requiresCorporateNumber()).isFalse();
    }

    @Test
    void every_other_legal_form_requires_a_corporate_number() {
        assertThat(EnumSet.complementOf(EnumSet.of(LegalForm.UNINCORPORATED_ASSOCIATION)))
                .hasSize(LegalForm.values().length - 1)
                .allSatisfy(form -> assertThat(form.requiresCorporateNumber()).as(form.label()).isTrue());
    }

    @Test
    void public_bodies_require_a_corporate_number_too() {
        assertThat(LegalForm.LOCAL_GOVERNMENT.requiresCorporateNumber()).isTrue();
        assertThat(LegalForm.NATIONAL_GOVERNMENT_BODY.requiresCorporateNumber()).isTrue();
    }

    @Test
    void labels_are_the_japanese_names_of_the_legal_forms() {
        assertThat(LegalForm.NPO_CORPORATION.label()).isEqualTo("特定非営利活動法人");
        assertThat(LegalForm.UNINCORPORATED_ASSOCIATION.label()).isEqualTo("任意団体");
    }
}
