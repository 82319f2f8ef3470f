package jp.kodoku.platform.gateway.security;

import jp.kodoku.platform.gateway.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The access matrix has a row for every endpoint the application serves, and no row for one it does not. */
class AccessMatrixRowsTest extends ApiTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void every_endpoint_the_api_serves_has_a_row() {
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(mapping -> {
            Set<?> methods = mapping.getMethodsCondition().getMethods();
            for (String pattern : mapping.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    (methods.isEmpty() ? Set.of("*") : methods).forEach(method -> served.add(method + " " + pattern));
                }
            }
        });
        Set<String> rows = new TreeSet<>();
        AccessMatrixTest.allRows().forEach(row -> rows.add(row.name()));

        assertThat(without(served, rows)).as("endpoints served without a row in the access matrix").isEmpty();
        assertThat(without(rows, served)).as("rows of the access matrix for endpoints not served").isEmpty();
    }

    private static Set<String> without(Set<String> these, Set<String> those) {
        Set<String> left = new TreeSet<>(these);
        left.removeAll(those);
        return left;
    }
}
