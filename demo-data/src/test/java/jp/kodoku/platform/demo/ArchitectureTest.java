package jp.kodoku.platform.demo;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import jp.kodoku.platform.infra.testsupport.architecture.DomainModuleRules;

/**
 * The demo data keeps the shape of every module (DomainModuleRules): in particular it reaches the domain modules
 * through their api packages only, the way any client does.
 */
@AnalyzeClasses(packages = "jp.kodoku.platform.demo", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests module_shape = ArchTests.in(DomainModuleRules.class);
}
