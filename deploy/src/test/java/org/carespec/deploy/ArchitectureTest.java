package org.carespec.deploy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.carespec.module.planted.PlatformReachingModuleClass;
import org.carespec.platform.plantedclock.PlantedSystemClockReader;
import org.carespec.platform.plantedcyclea.PlantedCycleA;
import org.carespec.platform.plantedcycleb.PlantedCycleB;
import org.carespec.platform.plantedfeature.service.PlantedWebReachingService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The boundaries the build proves, over the production classes of the whole distribution: the platform depends on
 * no module; a module depends on the plugin API and Micronaut only, never on platform internals or another module;
 * the plugin API depends on nothing but the JDK. Inside the platform, its top-level packages are free of cycles and
 * no service, domain or repository class knows the web layer, and business time comes
 * from the platform's clock. Each rule is shown to catch a planted violation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureTest {

    JavaClasses classes;

    @BeforeAll
    void importProductionClasses() {
        // The platform's test jar is on this module's class path; its classes are not production code.
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.carespec");
    }

    @Test
    void theDistributionHoldsThePlatformTheApiAndAtLeastOneModule() {
        assertTrue(classes.containPackage("org.carespec.platform"));
        assertTrue(classes.containPackage("org.carespec.plugin.api"));
        assertTrue(classes.stream().anyMatch(c -> c.getPackageName().startsWith("org.carespec.module.")));
    }

    @Test
    void thePlatformDependsOnNoModule() {
        noClasses().that().resideInAPackage("org.carespec.platform..")
                .should().dependOnClassesThat().resideInAPackage("org.carespec.module..")
                .check(classes);
    }

    static final ArchRule MODULES_USE_THE_API_AND_MICRONAUT_ONLY = classes()
            .that().resideInAPackage("org.carespec.module..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "org.carespec.module..", "org.carespec.plugin.api..", "java..", "javax.annotation..",
                    "jakarta..", "io.micronaut..", "org.slf4j..", "io.swagger.v3.oas.annotations..",
                    "com.fasterxml.jackson.annotation..", "reactor.core..", "org.reactivestreams..");

    @Test
    void aModuleDependsOnThePluginApiAndMicronautOnly() {
        MODULES_USE_THE_API_AND_MICRONAUT_ONLY.check(classes);
    }

    @Test
    void theModuleRuleCatchesAModuleClassReachingIntoThePlatform() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlatformReachingModuleClass.class,
                org.carespec.platform.database.Ids.class);
        AssertionError caught = assertThrows(AssertionError.class,
                () -> MODULES_USE_THE_API_AND_MICRONAUT_ONLY.check(planted));
        assertTrue(caught.getMessage().contains("org.carespec.platform.database.Ids"), caught.getMessage());
    }

    static final ArchRule PLATFORM_PACKAGES_ARE_FREE_OF_CYCLES = slices().matching("org.carespec.platform.(*)..")
            .should().beFreeOfCycles();

    static final ArchRule ONLY_THE_WEB_LAYER_KNOWS_THE_WEB = noClasses()
            .that().resideInAnyPackage("org.carespec.platform..service..", "org.carespec.platform..domain..",
                    "org.carespec.platform..repository..")
            .should().dependOnClassesThat().resideInAPackage("org.carespec.platform..web..");

    @Test
    void thePlatformsTopLevelPackagesAreFreeOfCycles() {
        PLATFORM_PACKAGES_ARE_FREE_OF_CYCLES.check(classes);
    }

    @Test
    void theCycleRuleCatchesTwoPackagesThatUseEachOther() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedCycleA.class, PlantedCycleB.class);
        AssertionError caught = assertThrows(AssertionError.class,
                () -> PLATFORM_PACKAGES_ARE_FREE_OF_CYCLES.check(planted));
        assertTrue(caught.getMessage().contains("plantedcyclea"), caught.getMessage());
    }

    @Test
    void noServiceDomainOrRepositoryClassDependsOnTheWebLayer() {
        ONLY_THE_WEB_LAYER_KNOWS_THE_WEB.check(classes);
    }

    @Test
    void theLayerRuleCatchesAServiceThatUsesTheWebLayer() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedWebReachingService.class,
                org.carespec.platform.web.RequestIdFilter.class);
        AssertionError caught = assertThrows(AssertionError.class, () -> ONLY_THE_WEB_LAYER_KNOWS_THE_WEB.check(planted));
        assertTrue(caught.getMessage().contains("RequestIdFilter"), caught.getMessage());
    }

    /** A call that reads the computer's clock rather than the platform's {@link java.time.Clock}. */
    static final DescribedPredicate<JavaMethodCall> READS_THE_SYSTEM_CLOCK =
            new DescribedPredicate<>("read the system clock") {
                @Override
                public boolean test(JavaMethodCall call) {
                    String owner = call.getTargetOwner().getName();
                    String name = call.getName();
                    return owner.startsWith("java.time.") && name.equals("now")
                            && call.getTarget().getRawParameterTypes().isEmpty()
                            || owner.equals("java.time.Clock") && name.startsWith("system")
                            || owner.equals("java.lang.System") && name.equals("currentTimeMillis");
                }
            };

    /**
     * Business time comes from the platform's clock (pinned in tests, so a test means the same on any date). The
     * clock's own factory reads the system clock, and the reporting scope's signature expires by the server's time
     * because PostgreSQL checks it against its own.
     */
    static final ArchRule TIME_COMES_FROM_THE_PLATFORM_CLOCK = noClasses()
            .that().resideInAPackage("org.carespec..")
            .and().doNotHaveFullyQualifiedName("org.carespec.platform.boot.PlatformFactory")
            .and().doNotHaveFullyQualifiedName("org.carespec.platform.returns.service.KpiScopeSigner")
            .should().callMethodWhere(READS_THE_SYSTEM_CLOCK);

    @Test
    void businessTimeComesFromThePlatformClock() {
        TIME_COMES_FROM_THE_PLATFORM_CLOCK.check(classes);
    }

    @Test
    void theClockRuleCatchesACallToLocalDateNow() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedSystemClockReader.class);
        AssertionError caught = assertThrows(AssertionError.class,
                () -> TIME_COMES_FROM_THE_PLATFORM_CLOCK.check(planted));
        assertTrue(caught.getMessage().contains("LocalDate.now()"), caught.getMessage());
    }

    @Test
    void noModuleDependsOnAnotherModule() {
        slices().matching("org.carespec.module.(*)..").should().notDependOnEachOther().check(classes);
    }

    @Test
    void thePluginApiDependsOnTheJdkOnly() {
        classes().that().resideInAPackage("org.carespec.plugin.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.carespec.plugin.api..", "java..")
                .check(classes);
    }
}
