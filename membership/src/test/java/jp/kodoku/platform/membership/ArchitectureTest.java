package jp.kodoku.platform.membership;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jp.kodoku.platform.membership.organization.MemberOrganization;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module's dependency rules, on production code. A failing rule names the class and the dependency: fix the
 * code, not the rule.
 */
@AnalyzeClasses(packages = "jp.kodoku.platform.membership", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String MEMBERSHIP = "jp.kodoku.platform.membership";
    private static final List<String> FEATURES = List.of("organization", "directory", "statistics", "history", "accounts", "demo");

    /**
     * Commands, events, queries and their values are the published contract other modules and the gateway compile
     * against: plain Java, sealed personal data, the shared error types and Axon's routing annotations, nothing else.
     */
    @ArchTest
    static final ArchRule the_api_depends_only_on_java_sealed_personal_data_and_axon_routing_annotations =
            classes().that().resideInAPackage(MEMBERSHIP + ".api..")
                     .should().onlyDependOnClassesThat().resideInAnyPackage(
                             "java..",
                             MEMBERSHIP + ".api..",
                             "jp.kodoku.platform.infra.personaldata..",
                             "jp.kodoku.platform.infra.errors..",
                             "org.axonframework.modelling.command..");

    /** HTTP, servlets and security belong to the gateway; this module is reached through commands and queries. */
    @ArchTest
    static final ArchRule nothing_in_the_module_uses_web_servlet_or_security_types =
            noClasses().should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..",
                    "jakarta.servlet..",
                    "org.springframework.security..");

    /** Aggregates decide from their own state; I/O happens in MembershipCommandHandler around them. */
    @ArchTest
    static final ArchRule aggregates_do_no_io =
            noClasses().that().belongToAnyOf(MemberOrganization.class)
                       .or().areAnnotatedWith(Aggregate.class)
                       .should().dependOnClassesThat().resideInAnyPackage(
                               "org.springframework..",
                               "java.sql..",
                               "javax.sql..",
                               "com.mongodb..");

    @ArchTest
    static final ArchRule organization_depends_on_no_other_feature = featureIsIndependent("organization");

    @ArchTest
    static final ArchRule directory_depends_on_no_other_feature = featureIsIndependent("directory");

    @ArchTest
    static final ArchRule statistics_depends_on_no_other_feature = featureIsIndependent("statistics");

    @ArchTest
    static final ArchRule history_depends_on_no_other_feature = featureIsIndependent("history");

    @ArchTest
    static final ArchRule accounts_depends_on_no_other_feature = featureIsIndependent("accounts");

    /** The demo data talks to the module the way a client does: through the api package only. */
    @ArchTest
    static final ArchRule demo_uses_the_api_only = featureIsIndependent("demo");

    /** Features meet in the api package (commands, events, queries), never in each other's classes. */
    private static ArchRule featureIsIndependent(String feature) {
        String[] others = FEATURES.stream()
                                  .filter(other -> !other.equals(feature))
                                  .map(other -> MEMBERSHIP + "." + other + "..")
                                  .toArray(String[]::new);
        return noClasses().that().resideInAPackage(MEMBERSHIP + "." + feature + "..")
                          .should().dependOnClassesThat().resideInAnyPackage(others)
                          .because("features meet in the api package (commands, events, queries)");
    }
}
