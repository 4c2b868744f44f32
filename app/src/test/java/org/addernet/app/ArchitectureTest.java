package org.addernet.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import java.util.List;

/**
 * The layering of DESIGN.md, kept by ArchUnit on the compiled classes of every module: modules
 * point one way (app -> presets -> datasets -> engine), and inside app every package points down,
 * {@code Main -> cli -> ui -> cluster -> store -> runner -> bench -> lab -> figures -> render -> io};
 * view models never see a control; JavaFX stays in {@code app.ui}, AWT and Swing stay out of the
 * engine, datasets and presets; Apache Spark stays in {@code app.cluster}.
 */
@AnalyzeClasses(packages = "org.addernet", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /** Top to bottom: each layer may use only the layers below it (and itself). */
    private static final List<String[]> LAYERS = List.of(
            new String[] {"Main", "org.addernet.app"},
            new String[] {"cli", "org.addernet.app.cli.."},
            new String[] {"ui", "org.addernet.app.ui.."},
            new String[] {"cluster", "org.addernet.app.cluster.."},
            new String[] {"store", "org.addernet.app.store.."},
            new String[] {"runner", "org.addernet.app.runner.."},
            new String[] {"bench", "org.addernet.app.bench.."},
            new String[] {"lab", "org.addernet.app.lab.."},
            new String[] {"figures", "org.addernet.app.figures.."},
            new String[] {"render", "org.addernet.app.render.."},
            new String[] {"io", "org.addernet.app.io.."},
            new String[] {"presets", "org.addernet.presets.."},
            new String[] {"datasets", "org.addernet.datasets.."},
            new String[] {"engine", "org.addernet.engine.."});

    @ArchTest
    static final ArchRule everyPackagePointsDown = layering();

    private static ArchRule layering() {
        Architectures.LayeredArchitecture a = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true);            // cluster: for the Spark runner when it lands
        for (String[] l : LAYERS) {
            a = a.layer(l[0]).definedBy(l[1]);
        }
        for (int i = 0; i < LAYERS.size() - 1; i++) {
            String[] below = LAYERS.subList(i + 1, LAYERS.size()).stream().map(l -> l[0]).toArray(String[]::new);
            a = a.whereLayer(LAYERS.get(i)[0]).mayOnlyAccessLayers(below);
        }
        return a.whereLayer("engine").mayNotAccessAnyLayer()
                .because("DESIGN.md: dependencies point one way, cli -> ui -> queue/store -> runners -> "
                        + "lab/figures/render -> engine");
    }

    @ArchTest
    static final ArchRule viewModelsSeeNoControls = classes()
            .that().haveSimpleNameEndingWith("ViewModel").or().resideInAPackage("org.addernet.app.ui.vm..")
            .should().onlyDependOnClassesThat().resideOutsideOfPackages("javafx.scene..", "javafx.stage..")
            .because("a view model has read-only properties and commands; the view builds and binds the controls");

    @ArchTest
    static final ArchRule javaFxOnlyInTheWindow = noClasses()
            .that().resideOutsideOfPackage("org.addernet.app.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree.chart.fx..")
            .because("the runners, the store, the figures and the command line run headless");

    @ArchTest
    static final ArchRule noUiToolkitBelowApp = noClasses()
            .that().resideInAnyPackage("org.addernet.engine..", "org.addernet.datasets..", "org.addernet.presets..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "javax.swing..",
                    "javax.imageio..", "org.jfree..")
            .because("the engine, datasets and presets modules know nothing of a UI toolkit or of images");

    @ArchTest
    static final ArchRule sparkOnlyInTheClusterPackage = noClasses()
            .that().resideOutsideOfPackage("org.addernet.app.cluster..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.spark..")
            .because("Spark's jars stay off the window's start-up path (DESIGN.md, Beyond one machine)");
}
