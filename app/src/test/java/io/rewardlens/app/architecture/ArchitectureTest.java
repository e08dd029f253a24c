package io.rewardlens.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules, checked on the compiled classes of every module (the app's test classpath holds
 * them all): logic never touches JavaFX or the workbench, storage and scoring never know each
 * other, and the command line reaches the workbench only through the {@code gui} command.
 */
class ArchitectureTest {
    private static final String[] LOGIC = {
        "io.rewardlens.storage..",
        "io.rewardlens.scoring..",
        "io.rewardlens.storescoring..",
        "io.rewardlens.sampledata.."
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.rewardlens");
        for (String module :
                List.of(
                        "io.rewardlens.storage.PreferenceStore",
                        "io.rewardlens.scoring.RewardModel",
                        "io.rewardlens.storescoring.DatasetScoring",
                        "io.rewardlens.ui.annotate.AnnotationViewModel",
                        "io.rewardlens.app.cli.RewardLensCommand")) {
            assertTrue(classes.contain(module), "every module's classes are checked: " + module);
        }
    }

    @Test
    void logicModulesImportNeitherJavaFxNorTheWorkbenchNorTheApp() {
        noClasses()
                .that()
                .resideInAnyPackage(LOGIC)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "io.rewardlens.ui..", "io.rewardlens.app..")
                .check(classes);
    }

    @Test
    void storageAndScoringNeverImportEachOther() {
        noClasses()
                .that()
                .resideInAPackage("io.rewardlens.storage..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.rewardlens.scoring..", "io.rewardlens.storescoring..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("io.rewardlens.scoring..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.rewardlens.storage..", "io.rewardlens.storescoring..")
                .check(classes);
    }

    @Test
    void theCommandLineAndTheReportReachTheWorkbenchOnlyThroughTheGuiCommand() {
        noClasses()
                .that()
                .resideInAnyPackage("io.rewardlens.app.cli..", "io.rewardlens.app.report..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "io.rewardlens.ui..")
                .check(classes);
    }

    @Test
    void theWorkbenchNeverImportsTheApp() {
        noClasses()
                .that()
                .resideInAPackage("io.rewardlens.ui..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.rewardlens.app..")
                .check(classes);
    }

    @Test
    void modulesFormNoCycles() {
        slices().matching("io.rewardlens.(*)..").should().beFreeOfCycles().check(classes);
    }
}
