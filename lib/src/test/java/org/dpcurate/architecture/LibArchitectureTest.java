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
      "org\\.dpcurate\\.(evaluation\\.FrechetDistance|download\\.PrincipalProjection|embedding\\.SymmetricEigen)";

  /** The one class that reads WordNet, with its nested classes. */
  private static final String WORDNET_READER = "org\\.dpcurate\\.refinement\\.LexicalVariation(\\$.*)?";

  /** The one class that runs a language model (llama.cpp). */
  private static final String LANGUAGE_MODEL_RUNNER = "org\\.dpcurate\\.refinement\\.LlmVariation(\\$.*)?";

  /** The one class that uses BouncyCastle's RSA engines (blind signatures). */
  private static final String BLIND_SIGNATURES = "org\\.dpcurate\\.attestation\\.BlindRsa(\\$.*)?";

  @ArchTest
  static final ArchRule libDependsOnTheJdkAlone = classes().that().haveNameNotMatching(MODEL_RUNNER)
      .and().haveNameNotMatching(EIGENDECOMPOSITIONS).and().haveNameNotMatching(WORDNET_READER)
      .and().haveNameNotMatching(LANGUAGE_MODEL_RUNNER).and().haveNameNotMatching(BLIND_SIGNATURES)
      .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.dpcurate..")
      .because("lib needs nothing beyond the JDK but the embedding model, linear algebra for eigendecompositions, "
          + "WordNet for lexical variation, llama.cpp for the llm variation and BouncyCastle's RSA for blind "
          + "signatures");

  @ArchTest
  static final ArchRule bouncyCastleStaysBehindOneClass = classes().that().haveNameNotMatching(BLIND_SIGNATURES)
      .should().onlyDependOnClassesThat().resideOutsideOfPackage("org.bouncycastle..")
      .because("blinding and the issuer's RSA operation are BlindRsa's; verifying needs only the JDK");

  @ArchTest
  static final ArchRule llamaStaysBehindOneClass = classes().that().haveNameNotMatching(LANGUAGE_MODEL_RUNNER)
      .should().onlyDependOnClassesThat().resideOutsideOfPackage("de.kherud..")
      .because("the language model runtime is the llm variation's and nothing else's");

  @ArchTest
  static final ArchRule wordNetStaysBehindOneClass = classes().that().haveNameNotMatching(WORDNET_READER)
      .should().onlyDependOnClassesThat().resideOutsideOfPackage("net.sf.extjwnl..")
      .because("WordNet is the lexical variation's dictionary and nothing else's");

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

  /**
   * The arrows docs/architecture.md draws for lib: each package may use only the packages listed for it (and
   * itself). Simulation-only code ({@code simulation..}, {@code evaluation}) is reachable from no production
   * package.
   */
  private static final java.util.Map<String, java.util.List<String>> ARROWS = java.util.Map.ofEntries(
      java.util.Map.entry("hash", java.util.List.of()),
      java.util.Map.entry("attestation", java.util.List.of()),
      java.util.Map.entry("oracle", java.util.List.of("hash")),
      java.util.Map.entry("client", java.util.List.of("oracle", "hash", "attestation")),
      java.util.Map.entry("estimation", java.util.List.of("oracle", "client")),
      java.util.Map.entry("selection", java.util.List.of("estimation", "embedding")),
      java.util.Map.entry("embedding", java.util.List.of("hash")),
      java.util.Map.entry("download", java.util.List.of("embedding", "client")),
      java.util.Map.entry("synthesis", java.util.List.of("embedding", "hash")),
      java.util.Map.entry("refinement", java.util.List.of("selection", "synthesis", "embedding", "hash")),
      java.util.Map.entry("accounting", java.util.List.of("oracle")),
      java.util.Map.entry("discovery", java.util.List.of("oracle", "estimation", "selection", "hash")),
      java.util.Map.entry("simulation", java.util.List.of("oracle", "client", "download", "embedding", "hash",
          "synthesis", "discovery", "estimation", "attestation")),
      java.util.Map.entry("evaluation", java.util.List.of("simulation", "selection", "synthesis", "embedding")));

  @ArchTest
  static void everyLibPackageUsesOnlyThePackagesItsArrowNames(com.tngtech.archunit.core.domain.JavaClasses lib) {
    for (java.util.Map.Entry<String, java.util.List<String>> arrow : ARROWS.entrySet()) {
      String[] forbidden = ARROWS.keySet().stream()
          .filter(p -> !p.equals(arrow.getKey()) && !arrow.getValue().contains(p))
          .map(p -> "org.dpcurate." + p + "..").toArray(String[]::new);
      if (forbidden.length == 0) {
        continue;
      }
      noClasses().that().resideInAPackage("org.dpcurate." + arrow.getKey() + "..").should().dependOnClassesThat()
          .resideInAnyPackage(forbidden)
          .because("docs/architecture.md: " + arrow.getKey() + " -> " + arrow.getValue())
          .check(lib);
    }
  }
}
