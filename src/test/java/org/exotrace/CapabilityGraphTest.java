package org.exotrace;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.exotrace.lot.control.Lots;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The arrows between capabilities, as drawn in docs/CAPABILITIES.md (docs/adr/0035): a wrong arrow fails the build. */
@AnalyzeClasses(packages = "org.exotrace", importOptions = ImportOption.DoNotIncludeTests.class)
class CapabilityGraphTest {

    private static final String[] CAPABILITIES = {"org.exotrace.audit..", "org.exotrace.bedside..", "org.exotrace.catalog..", "org.exotrace.coldchain..",
            "org.exotrace.epcis..", "org.exotrace.fhir..", "org.exotrace.gs1..", "org.exotrace.label..", "org.exotrace.launcher..", "org.exotrace.lot..",
            "org.exotrace.monitoring..", "org.exotrace.qc..", "org.exotrace.report..", "org.exotrace.security..",
            "org.exotrace.trace..", "org.exotrace.vial..", "org.exotrace.webhook.."};

    @ArchTest
    static final ArchRule platformImportsNoCapability = noClasses().that().resideInAPackage("org.exotrace.platform..")
            .should().dependOnClassesThat().resideInAnyPackage(CAPABILITIES);

    @ArchTest
    static final ArchRule theBarcodeParserImportsNoFramework = classes().that().resideInAPackage("org.exotrace.gs1..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.exotrace.gs1..");

    @ArchTest
    static final ArchRule noCyclesBetweenCapabilities = slices().matching("org.exotrace.(*)..").should().beFreeOfCycles();
}
