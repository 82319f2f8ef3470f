package jp.kodoku.platform.gateway.web;

import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.errors.InvalidInput;
import jp.kodoku.platform.infra.errors.StaleVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** If-Match as RFC 9110 reads it for a write: one strong entity tag, compared strongly. */
class IfMatchResolverTest {

    @Test
    void the_etag_as_read_names_the_expected_version() {
        assertThat(IfMatchResolver.expectedVersion("\"4\"")).isEqualTo(4L);
        assertThat(IfMatchResolver.expectedVersion(" \"0\" ")).isZero();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void no_header_expects_no_particular_version(String ifMatch) {
        assertThat(IfMatchResolver.expectedVersion(ifMatch)).isNull();
    }

    @Test
    void a_weak_tag_never_matches_so_the_write_is_stale() {
        assertThatThrownBy(() -> IfMatchResolver.expectedVersion("W/\"4\""))
                .isInstanceOfSatisfying(StaleVersion.class, e -> assertThat(e.currentVersion()).isNull());
    }

    @ParameterizedTest
    @ValueSource(strings = {"4", "\"abc\"", "\"3\", \"4\"", "*", "W/\"abc\"", "\"-1\"", "\"99999999999999999999\""})
    void anything_but_one_strong_version_is_a_bad_if_match_header(String ifMatch) {
        assertThatThrownBy(() -> IfMatchResolver.expectedVersion(ifMatch))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("If-Match"));
    }
}
