package jp.kodoku.platform.infra.testsupport.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule of {@link DomainModuleRules} bites: applied to the fixture modules (package {@code …architecture.fixture}),
 * it names exactly the classes of {@code broken} that break it on purpose, and nothing of {@code shop} and
 * {@code post}, which have the shape the rules ask for.
 */
class DomainModuleRulesTest {

    private static final String FIXTURE = "jp.kodoku.platform.infra.architecture.fixture";
    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages(FIXTURE);

    @Test
    void the_fixtures_are_there_to_be_judged() {
        assertThat(FIXTURES.stream().map(JavaClass::getSimpleName))
                .contains("Order", "Invoices", "Courier", "LeakyEvent", "InvoiceWithMail");
    }

    @Test
    void an_api_with_a_database_type_breaks_the_api_rule() {
        assertThat(offenders(DomainModuleRules.apiIsPlainContract(FIXTURE))).containsExactly("broken.api.LeakyEvent");
    }

    @Test
    void a_class_using_another_modules_internals_breaks_the_module_rule_and_one_using_its_api_does_not() {
        assertThat(offenders(DomainModuleRules.otherModulesOnlyThroughTheirApi(FIXTURE)))
                .containsExactly("broken.billing.BillingReadsShopInternals");
    }

    @Test
    void a_controller_a_servlet_request_and_a_security_type_break_the_web_rule() {
        assertThat(offenders(DomainModuleRules.noWebServletOrSecurityTypes()))
                .containsExactly("broken.billing.BillingController", "broken.billing.BillingPermission");
    }

    @Test
    void an_aggregate_using_jdbc_mongodb_http_mail_or_files_breaks_the_aggregate_rule() {
        assertThat(offenders(DomainModuleRules.aggregatesDoNoIo())).containsExactly(
                "broken.billing.InvoiceWithDatabase",
                "broken.billing.InvoiceWithFiles",
                "broken.billing.InvoiceWithHttp",
                "broken.billing.InvoiceWithMail",
                "broken.billing.InvoiceWithMongo",
                "broken.billing.InvoiceWithOutbox");
    }

    @Test
    void a_feature_using_another_feature_breaks_the_feature_rule_though_no_feature_is_listed_anywhere() {
        assertThat(offenders(DomainModuleRules.featuresAreIndependent(FIXTURE)))
                .containsExactly("broken.billing.BillingUsesDunning");
    }

    @Test
    void the_modules_shared_code_using_a_feature_breaks_the_shared_code_rule() {
        assertThat(offenders(DomainModuleRules.sharedCodeUsesNoFeature(FIXTURE))).containsExactly("broken.BrokenShared");
    }

    /**
     * The classes a rule reports, relative to the fixture package, sorted. A detail line of ArchUnit starts with its
     * origin ("Method &lt;a.b.C.m()&gt; calls …", "Class &lt;a.b.C&gt; is annotated with …").
     */
    private static List<String> offenders(ArchRule rule) {
        Set<String> classes = FIXTURES.stream().map(JavaClass::getName).collect(Collectors.toSet());
        return rule.evaluate(FIXTURES).getFailureReport().getDetails().stream()
                   .map(detail -> detail.substring(detail.indexOf('<') + 1, detail.indexOf('>')))
                   .map(origin -> classes.stream()
                                         .filter(name -> origin.equals(name) || origin.startsWith(name + "."))
                                         .max(Comparator.comparingInt(String::length))
                                         .orElse(origin))
                   .map(name -> name.substring(FIXTURE.length() + 1))
                   .distinct()
                   .sorted()
                   .toList();
    }
}
