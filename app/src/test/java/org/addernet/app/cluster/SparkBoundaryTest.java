package org.addernet.app.cluster;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Spark stays in one package: only {@code org.addernet.app.cluster.spark} (built into its own jar,
 * loaded only for cluster runs) may touch {@code org.apache.spark} or Scala; the rest of the
 * workbench, the window included, reaches it through {@link ClusterEngine}.
 */
class SparkBoundaryTest {
    private static final JavaClasses WORKBENCH = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.addernet");

    @Test
    void onlyTheSparkPackageImportsSpark() {
        noClasses().that().resideOutsideOfPackage("org.addernet.app.cluster.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
                .because("Spark's jars are not on the window's class path (Clusters loads them for cluster runs)")
                .check(WORKBENCH);
    }

    @Test
    void nothingOutsideTheClusterPackageReachesIntoTheSparkPackage() {
        noClasses().that().resideOutsideOfPackage("org.addernet.app.cluster.spark..")
                .should().dependOnClassesThat().resideInAPackage("org.addernet.app.cluster.spark..")
                .because("workbench.jar does not hold that package: it is loaded by name (Clusters.ENGINE)")
                .check(WORKBENCH);
    }
}
