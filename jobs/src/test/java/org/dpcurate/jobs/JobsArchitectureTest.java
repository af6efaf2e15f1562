package org.dpcurate.jobs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The Spark side's layers (docs/architecture.md): entry points on top; simulation a client of the production
 * pipeline, never a dependency of it; no package cycles anywhere in dpcurate.
 */
@AnalyzeClasses(packages = "org.dpcurate", importOptions = ImportOption.DoNotIncludeTests.class)
class JobsArchitectureTest {
  @ArchTest
  static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
      .layer("entry points").definedBy("org.dpcurate.jobs")
      .layer("simulation").definedBy("org.dpcurate.jobs.simulation..")
      .layer("evaluation").definedBy("org.dpcurate.jobs.evaluation..")
      .layer("embedding").definedBy("org.dpcurate.jobs.embedding..")
      .layer("pipeline").definedBy("org.dpcurate.jobs.pipeline..")
      .layer("ingestion").definedBy("org.dpcurate.jobs.ingestion..")
      .layer("estimation").definedBy("org.dpcurate.jobs.estimation..")
      .layer("options").definedBy("org.dpcurate.jobs.options..")
      .layer("tables").definedBy("org.dpcurate.jobs.tables..")
      .layer("warehouse").definedBy("org.dpcurate.jobs.warehouse..")
      .layer("runtime").definedBy("org.dpcurate.jobs.runtime..")
      .whereLayer("entry points").mayNotBeAccessedByAnyLayer()
      .whereLayer("simulation").mayOnlyBeAccessedByLayers("entry points")
      .whereLayer("evaluation").mayOnlyBeAccessedByLayers("entry points", "simulation")
      .whereLayer("embedding").mayOnlyBeAccessedByLayers("entry points", "simulation", "evaluation", "pipeline")
      .whereLayer("pipeline").mayOnlyBeAccessedByLayers("entry points", "simulation")
      .whereLayer("ingestion").mayOnlyBeAccessedByLayers("entry points")
      .whereLayer("estimation").mayOnlyBeAccessedByLayers("entry points", "simulation", "pipeline", "ingestion")
      .whereLayer("options").mayOnlyBeAccessedByLayers("entry points", "simulation", "pipeline")
      .whereLayer("tables").mayOnlyBeAccessedByLayers("entry points", "simulation", "evaluation", "embedding",
          "pipeline", "estimation", "ingestion")
      .whereLayer("warehouse").mayOnlyBeAccessedByLayers("entry points", "simulation", "evaluation", "embedding",
          "pipeline", "estimation", "ingestion", "tables");

  @ArchTest
  static final ArchRule productionEntryPointsDoNotSimulate = noClasses().that()
      .haveSimpleNameEndingWith("Job").and().areNotAnnotatedWith(SimulationJob.class)
      .and().areNotAnnotations()
      .or().haveSimpleName("Backfill").or().haveSimpleName("JobRunner")
      .should().dependOnClassesThat().resideInAPackage("org.dpcurate.jobs.simulation..")
      .because("generate, publish, ingest, estimate, refine, nightly and retention run on real devices' reports");

  @ArchTest
  static final ArchRule theProductionPathUsesNoSimulatorClass = noClasses().that()
      .resideInAnyPackage("org.dpcurate.jobs.pipeline..", "org.dpcurate.jobs.estimation..",
          "org.dpcurate.jobs.ingestion..", "org.dpcurate.jobs.warehouse..", "org.dpcurate.jobs.runtime..")
      .or().haveFullyQualifiedName(EstimateJob.class.getName()).or().haveFullyQualifiedName(RefineJob.class.getName())
      .or().haveFullyQualifiedName(NightlyJob.class.getName()).or().haveFullyQualifiedName(PublishJob.class.getName())
      .or().haveFullyQualifiedName(IngestJob.class.getName())
      .or().haveFullyQualifiedName(RetentionJob.class.getName())
      .or().haveFullyQualifiedName(GenerateJob.class.getName())
      .or().haveFullyQualifiedName(DiscoverRoundJob.class.getName())
      .should().dependOnClassesThat().resideInAnyPackage("org.dpcurate.jobs.simulation..", "org.dpcurate.simulation..",
          "org.dpcurate.evaluation..")
      .because("a real fleet's campaign runs with no simulator class: publish, ingest, estimate, refine");

  @ArchTest
  static final ArchRule noPackageCycles = slices().matching("org.dpcurate.(**)").should().beFreeOfCycles();
}
