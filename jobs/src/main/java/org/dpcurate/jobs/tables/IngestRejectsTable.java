package org.dpcurate.jobs.tables;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Upload lines that ingestion refused, as they came, with the file they came in and why; a line that is not valid
 * UTF-8 also keeps its exact bytes in base64 ({@code line} then shows them decoded with replacement characters).
 */
public final class IngestRejectsTable {
  private IngestRejectsTable() {}

  public static final String NAME = "ingest_rejects";

  public static final StructType SCHEMA = new StructType()
      .add("file", DataTypes.StringType, false)
      .add("line", DataTypes.StringType, false)
      .add("reason", DataTypes.StringType, false)
      .add("detail", DataTypes.StringType, true)
      .add("line_base64", DataTypes.StringType, true);
}
