package jp.kodoku.platform.infra.testsupport.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.Optional;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The shape every domain module keeps (docs/architecture.md, "How to add a module"), as ArchUnit rules on its
 * production code. A module applies all of them to itself with
 * <pre>
 * &#64;AnalyzeClasses(packages = "jp.kodoku.platform.&lt;module&gt;", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest {
 *     &#64;ArchTest
 *     static final ArchTests module_shape = ArchTests.in(DomainModuleRules.class);
 * }
 * </pre>
 * Nothing is listed per module: a module is a package {@code jp.kodoku.platform.<module>}, its published contract is
 * {@code <module>.api}, and every other package directly below the module is a feature. Classes directly in the
 * module's package are its internal shared code (configuration, a value two features need but nobody else should
 * see): features may use them, they use no feature. {@code infra} is the shared infrastructure every module may use.
 *
 * <p>A module without an api, an aggregate, features or shared code (the demo data) passes the rules about them;
 * the module rule always has the module's classes to judge.
 *
 * <p>Each rule is shown to bite by {@code DomainModuleRulesTest}, which applies it to small fixture modules with one
 * deliberate violation each. A failing rule names the class and the dependency: fix the code, not the rule.
 */
public final class DomainModuleRules {

    /** The package every module lives under. */
    public static final String PLATFORM = "jp.kodoku.platform";
    /** The module every module may use whole. */
    public static final String INFRA = "infra";
    /** A module's published contract. */
    public static final String API = "api";

    /**
     * Commands, events, queries and their values are the contract other modules and the gateway compile against:
     * plain Java, sealed personal data, the shared error types, other modules' contracts and Axon's routing
     * annotations, nothing else.
     */
    @ArchTest
    public static final ArchRule an_api_depends_only_on_java_sealed_personal_data_errors_apis_and_axon_routing =
            apiIsPlainContract(PLATFORM);

    /** A module reaches another through that module's commands, events and queries, never its internals. */
    @ArchTest
    public static final ArchRule another_module_is_used_only_through_its_api = otherModulesOnlyThroughTheirApi(PLATFORM);

    /** HTTP, servlets and security belong to the gateway; a module is reached through commands and queries. */
    @ArchTest
    public static final ArchRule nothing_uses_web_servlet_or_security_types = noWebServletOrSecurityTypes();

    /** Aggregates decide from their own state; I/O happens in the handlers around them. */
    @ArchTest
    public static final ArchRule aggregates_do_no_io = aggregatesDoNoIo();

    /** Features meet in the api package (commands, events, queries), never in each other's classes. */
    @ArchTest
    public static final ArchRule a_feature_uses_no_other_feature = featuresAreIndependent(PLATFORM);

    /** The module's shared internal code is below its features, so features cannot meet through it. */
    @ArchTest
    public static final ArchRule a_modules_shared_code_uses_no_feature = sharedCodeUsesNoFeature(PLATFORM);

    private DomainModuleRules() {
    }

    static ArchRule apiIsPlainContract(String platform) {
        return classes().that().resideInAPackage(platform + ".*." + API + "..")
                        .should().onlyDependOnClassesThat(resideInAnyPackage(
                                "java..",
                                platform + ".*." + API + "..",
                                platform + "." + INFRA + ".personaldata..",
                                platform + "." + INFRA + ".errors..",
                                "org.axonframework.modelling.command..")
                                // a file as events name it and as a command brings it (infra.files), nothing else of it
                                .or(com.tngtech.archunit.core.domain.JavaClass.Predicates.type(
                                        jp.kodoku.platform.infra.files.StoredFile.class))
                                .or(com.tngtech.archunit.core.domain.JavaClass.Predicates.type(
                                        jp.kodoku.platform.infra.files.Upload.class)))
                        .because("the api is the contract other modules compile against")
                        .allowEmptyShould(true);
    }

    static ArchRule otherModulesOnlyThroughTheirApi(String platform) {
        return classes().that().resideInAPackage(platform + "..")
                        .should(dependOnlyOnTheApiOfOtherModules(platform));
    }

    static ArchRule noWebServletOrSecurityTypes() {
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(
                                  "org.springframework.web..",
                                  "org.springframework.http..",
                                  "jakarta.servlet..",
                                  "javax.servlet..",
                                  "org.springframework.security..")
                          .because("HTTP, servlets and security belong to the gateway");
    }

    static ArchRule aggregatesDoNoIo() {
        return noClasses().that().areMetaAnnotatedWith("org.axonframework.modelling.command.AggregateRoot")
                          .should().dependOnClassesThat(doIo())
                          .because("an aggregate decides from its own state; I/O happens in the handlers around it")
                          .allowEmptyShould(true);
    }

    /**
     * Databases, HTTP, mail, files and the identity provider; Spring, whose beans are how I/O arrives; and the
     * platform's outbox, mail and timed work.
     */
    private static DescribedPredicate<JavaClass> doIo() {
        return resideInAnyPackage(
                "java.sql..", "javax.sql..",
                "com.mongodb..", "org.bson..",
                "org.springframework..",
                "java.net.http..", "org.apache.hc..", "org.apache.http..", "okhttp3..",
                "jakarta.mail..", "javax.mail..", "org.eclipse.angus..",
                "java.nio.file..", "java.nio.channels..",
                "org.keycloak..",
                // the platform's own side effects: the outbox, mail, timed work (db-scheduler)
                PLATFORM + "." + INFRA + ".outbox..", PLATFORM + "." + INFRA + ".mail..",
                PLATFORM + "." + INFRA + ".scheduling..", "com.github.kagkarlsson..")
                .or(DescribedPredicate.describe("files, sockets and URL connections", (JavaClass type) ->
                        type.isAssignableTo(java.io.File.class)
                                || type.isAssignableTo(java.io.FileInputStream.class)
                                || type.isAssignableTo(java.io.FileOutputStream.class)
                                || type.isAssignableTo(java.io.FileReader.class)
                                || type.isAssignableTo(java.io.FileWriter.class)
                                || type.isAssignableTo(java.io.RandomAccessFile.class)
                                || type.isAssignableTo(java.net.URL.class)
                                || type.isAssignableTo(java.net.URLConnection.class)
                                || type.isAssignableTo(java.net.Socket.class)))
                .as("do I/O (databases, HTTP, mail, files, the identity provider, Spring beans, the outbox, timed work)");
    }

    static ArchRule featuresAreIndependent(String platform) {
        return classes().that().resideInAPackage(platform + ".*.*..")
                        .should(useNoOtherFeature(platform))
                        .because("features meet in the api package (commands, events, queries)")
                        .allowEmptyShould(true);
    }

    static ArchRule sharedCodeUsesNoFeature(String platform) {
        return classes().that().resideInAPackage(platform + ".*")
                        .should(useNoOtherFeature(platform))
                        .because("features would otherwise meet through the module's shared code")
                        .allowEmptyShould(true);
    }

    private static ArchCondition<JavaClass> dependOnlyOnTheApiOfOtherModules(String platform) {
        return new ArchCondition<>("depend on other modules only through their api (or on " + INFRA + ")") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<Place> from = Place.of(platform, origin);
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    Optional<Place> to = Place.of(platform, dependency.getTargetClass());
                    if (from.isEmpty() || to.isEmpty()) {
                        continue;
                    }
                    boolean allowed = to.get().module().equals(from.get().module())
                            || to.get().module().equals(INFRA)
                            || to.get().isApi();
                    if (!allowed) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** Within its own module, a class may use its own feature, the api and the module's shared code, nothing else. */
    private static ArchCondition<JavaClass> useNoOtherFeature(String platform) {
        return new ArchCondition<>("use no other feature of its module") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<Place> from = Place.of(platform, origin);
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    Optional<Place> to = Place.of(platform, dependency.getTargetClass());
                    if (from.isEmpty() || to.isEmpty() || !to.get().module().equals(from.get().module())) {
                        continue;
                    }
                    String feature = to.get().feature();
                    if (!feature.isEmpty() && !to.get().isApi() && !feature.equals(from.get().feature())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /**
     * Where a class lives: {@code <platform>.<module>.<feature>…}; the feature is empty for the module's own package.
     * Array types count as their element type.
     */
    private record Place(String module, String feature) {

        static Optional<Place> of(String platform, JavaClass type) {
            JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
            String pkg = base.getPackageName();
            if (!pkg.startsWith(platform + ".")) {
                return Optional.empty();
            }
            String[] parts = pkg.substring(platform.length() + 1).split("\\.");
            return Optional.of(new Place(parts[0], parts.length > 1 ? parts[1] : ""));
        }

        boolean isApi() {
            return feature.equals(API);
        }
    }
}
