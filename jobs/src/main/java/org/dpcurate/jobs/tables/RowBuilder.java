package org.dpcurate.jobs.tables;

import java.util.Arrays;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One row of a table's schema, set by column name instead of position: an unknown column, a column set twice or
 * a non-nullable column left unset is an error naming it, so a schema change cannot shift values into the wrong
 * columns.
 */
public final class RowBuilder {
  private final StructType schema;
  private final Object[] values;
  private final boolean[] set;

  private RowBuilder(StructType schema) {
    this.schema = schema;
    this.values = new Object[schema.size()];
    this.set = new boolean[schema.size()];
  }

  public static RowBuilder of(StructType schema) {
    return new RowBuilder(schema);
  }

  public RowBuilder set(String column, Object value) {
    if (!Arrays.asList(schema.fieldNames()).contains(column)) {
      throw new IllegalArgumentException("no column " + column + " in " + schema.simpleString());
    }
    int i = schema.fieldIndex(column);
    if (set[i]) {
      throw new IllegalArgumentException("column " + column + " set twice");
    }
    values[i] = value;
    set[i] = true;
    return this;
  }

  public Row build() {
    StructField[] fields = schema.fields();
    for (int i = 0; i < fields.length; i++) {
      if (!fields[i].nullable() && values[i] == null) {
        throw new IllegalStateException("column " + fields[i].name() + " is not nullable and was not set");
      }
    }
    return RowFactory.create(values);
  }
}
