package org.dpcurate.jobs.tables;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Upload lines that ingestion refused, as they came, with the file they came in and why. */
public final class IngestRejectsTable {
  private IngestRejectsTable() {}

  public static final String NAME = "ingest_rejects";

  public static final StructType SCHEMA = new StructType()
      .add("file", DataTypes.StringType, false)
      .add("line", DataTypes.StringType, false)
      .add("reason", DataTypes.StringType, false)
      .add("detail", DataTypes.StringType, true);
}
