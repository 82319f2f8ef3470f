package jp.kodoku.platform.gateway;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The gateway's dependency rules, on production code. A failing rule names the classes and the dependency: fix the
 * code, not the rule. Domain modules are found by package (every {@code jp.kodoku.platform.<module>} but infra and
 * the gateway), so a new module is covered without editing this test.
 */
@AnalyzeClasses(packages = "jp.kodoku.platform", importOptions = ImportOption.DoNotIncludeTests.class)
class GatewayArchitectureTest {

    private static final String PLATFORM = "jp.kodoku.platform.";
    private static final String GATEWAY = PLATFORM + "gateway";
    /** The gateway's code that every module's controllers use: it must never need one of them. */
    private static final List<String> SHARED = List.of("web", "idempotency", "security", "ratelimit", "pages");

    /** Each package of the gateway (a module's controllers, a feature's parts, the shared code) is a slice. */
    @ArchTest
    static final ArchRule the_gateway_packages_are_free_of_cycles =
            slices().matching(GATEWAY + ".(**)").namingSlices("gateway.$1").should().beFreeOfCycles();

    /** Shared web code knows problems, versions, callers and limits; a module's types would tie every module to it. */
    @ArchTest
    static final ArchRule the_shared_web_code_uses_no_domain_module_and_no_module_controllers =
            noClasses().that().resideInAnyPackage(SHARED.stream().map(p -> GATEWAY + "." + p + "..").toArray(String[]::new))
                       .should().dependOnClassesThat(belongToAModule());

    /** The gateway reaches a domain module through its published contract, like every other module does. */
    @ArchTest
    static final ArchRule the_gateway_uses_only_the_api_of_a_domain_module =
            noClasses().that().resideInAPackage(GATEWAY + "..")
                       .should().dependOnClassesThat(belongToADomainModuleOutsideItsApi());

    /** A domain module's type, or a gateway package that is not shared code (a module's controllers, API clients). */
    private static DescribedPredicate<JavaClass> belongToAModule() {
        return DescribedPredicate.describe("belong to a domain module or to a module's part of the gateway", c -> {
            String[] segments = segments(c);
            if (segments == null || segments[0].equals("infra")) {
                return false;
            }
            return !segments[0].equals("gateway") || (segments.length > 2 && !SHARED.contains(segments[1]));
        });
    }

    private static DescribedPredicate<JavaClass> belongToADomainModuleOutsideItsApi() {
        return DescribedPredicate.describe("belong to a domain module outside its api package", c -> {
            String[] segments = segments(c);
            return segments != null && !segments[0].equals("infra") && !segments[0].equals("gateway")
                    && (segments.length < 3 || !segments[1].equals("api"));
        });
    }

    /** The package and class name after {@code jp.kodoku.platform.}, e.g. [membership, api, OrganizationId]. */
    private static String[] segments(JavaClass c) {
        String name = c.getName();
        return name.startsWith(PLATFORM) ? name.substring(PLATFORM.length()).split("\\.") : null;
    }
}
