package jp.kodoku.platform.activity;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import jp.kodoku.platform.infra.testsupport.architecture.DomainModuleRules;

@AnalyzeClasses(packages = "jp.kodoku.platform.activity", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests module_shape = ArchTests.in(DomainModuleRules.class);
}
