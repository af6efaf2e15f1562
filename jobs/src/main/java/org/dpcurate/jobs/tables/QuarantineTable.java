package org.dpcurate.jobs.tables;

import java.util.Arrays;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Every rejected report row of a date as it came (the report columns, all nullable, since malformed rows are kept)
 * plus the reason code and the validation message.
 */
public final class QuarantineTable {
  private QuarantineTable() {}

  public static final String NAME = "quarantine";

  public static final StructType SCHEMA = new StructType(Arrays.stream(ReportTable.SCHEMA.fields())
      .map(f -> f.copy(f.name(), f.dataType(), true, f.metadata()))
      .toArray(StructField[]::new))
      .add("reason", DataTypes.StringType, false)
      .add("detail", DataTypes.StringType, true);
}
