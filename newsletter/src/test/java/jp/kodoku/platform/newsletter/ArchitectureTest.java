package jp.kodoku.platform.newsletter;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import jp.kodoku.platform.infra.testsupport.architecture.DomainModuleRules;

/** The module keeps the shape of every domain module (DomainModuleRules), on production code. */
@AnalyzeClasses(packages = "jp.kodoku.platform.newsletter", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests module_shape = ArchTests.in(DomainModuleRules.class);
}
