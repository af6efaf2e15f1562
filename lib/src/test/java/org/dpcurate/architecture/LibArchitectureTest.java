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

  @ArchTest
  static final ArchRule libDependsOnTheJdkAlone = classes().should().onlyDependOnClassesThat()
      .resideInAnyPackage("java..", "org.dpcurate..")
      .because("lib has no dependencies beyond the JDK");

  @ArchTest
  static final ArchRule noPackageCycles = slices().matching("org.dpcurate.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule oracleStateStaysInsideTheOraclePackage = noClasses().that()
      .resideOutsideOfPackage("org.dpcurate.oracle..").should().accessClassesThat()
      .haveSimpleName("Accumulator").because("an aggregator's state layout is the oracle's business");
}
