package org.dpcurate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The engine-free core stays engine-free and acyclic. */
@AnalyzeClasses(packages = "org.dpcurate", importOptions = ImportOption.DoNotIncludeTests.class)
class LibArchitectureTest {
  @ArchTest
  static final ArchRule libNeverImportsSparkOrHadoop = noClasses().should().dependOnClassesThat()
      .resideInAnyPackage("org.apache.spark..", "org.apache.hadoop..", "scala..")
      .because("lib is the pure-Java core; jobs/ is the Spark glue around it");

  /** The one class that runs the embedding model, with its nested classes. */
  private static final String MODEL_RUNNER = "org\\.dpcurate\\.embedding\\.MiniLmEmbedder(\\$.*)?";

  /** The classes that need eigendecompositions: the Frechet distance, and the projected download's axes. */
  private static final String EIGENDECOMPOSITIONS =
      "org\\.dpcurate\\.(evaluation\\.FrechetDistance|download\\.PrincipalProjection)";

  @ArchTest
  static final ArchRule libDependsOnTheJdkAlone = classes().that().haveNameNotMatching(MODEL_RUNNER)
      .and().haveNameNotMatching(EIGENDECOMPOSITIONS).should().onlyDependOnClassesThat()
      .resideInAnyPackage("java..", "org.dpcurate..")
      .because("lib needs nothing beyond the JDK but the embedding model and, for eigendecompositions, linear "
          + "algebra");

  @ArchTest
  static final ArchRule theModelRuntimeStaysBehindOneClass = classes().that().haveNameNotMatching(MODEL_RUNNER)
      .should().onlyDependOnClassesThat().resideOutsideOfPackages("dev.langchain4j..", "ai.onnxruntime..",
          "ai.djl..")
      .because("everything else sees the model through the Embedder interface");

  @ArchTest
  static final ArchRule linearAlgebraOnlyForEigendecompositions = classes()
      .that().haveNameNotMatching(EIGENDECOMPOSITIONS)
      .should().onlyDependOnClassesThat().resideOutsideOfPackage("org.apache.commons.math3..")
      .because("commons-math3 (which Spark ships) is there for eigendecompositions only");

  @ArchTest
  static final ArchRule noPackageCycles = slices().matching("org.dpcurate.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule oracleStateStaysInsideTheOraclePackage = noClasses().that()
      .resideOutsideOfPackage("org.dpcurate.oracle..").should().accessClassesThat()
      .haveSimpleName("Accumulator").because("an aggregator's state layout is the oracle's business");
}
