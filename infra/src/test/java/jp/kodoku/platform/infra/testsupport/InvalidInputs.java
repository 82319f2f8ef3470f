package jp.kodoku.platform.infra.testsupport;

import jp.kodoku.platform.infra.errors.InvalidInput;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;

/** For given/when/then tests: the failure a rule about input expects. */
public final class InvalidInputs {

    private InvalidInputs() {
    }

    /** Invalid input that names this field (among others). */
    public static Matcher<Throwable> naming(String field) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return actual instanceof InvalidInput invalid
                        && invalid.violations().stream().anyMatch(v -> v.field().equals(field));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("invalid input naming " + field);
            }
        };
    }
}
