package org.dpcurate.jobs;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.oracle.OracleKind;
import org.dpcurate.oracle.Report;

/** The archived report table of docs/protocol.md, and its conversion to and from {@link Report}. */
public final class ReportTable {
  private ReportTable() {}

  /** Columns of the data files; campaign and round are the partition directories. */
  public static final StructType SCHEMA = new StructType()
      .add("report_id", DataTypes.StringType, false)
      .add("oracle", DataTypes.StringType, false)
      .add("epsilon", DataTypes.DoubleType, false)
      .add("hash_index", DataTypes.IntegerType, true)
      .add("seed", DataTypes.LongType, true)
      .add("value", DataTypes.IntegerType, true)
      .add("sign", DataTypes.ByteType, true)
      .add("bits", DataTypes.BinaryType, true);

  public static final String[] COLUMNS = SCHEMA.fieldNames();

  /** The columns each oracle fills; the rest are null. */
  public static Row toRow(String reportId, Report r, double epsilon) {
    OracleKind k = r.oracle();
    Integer hashIndex = k == OracleKind.FLH || k == OracleKind.CMS || k == OracleKind.HCMS ? r.hashIndex() : null;
    Long seed = k == OracleKind.OLH ? r.seed() : null;
    Integer value = k == OracleKind.OUE || k == OracleKind.CMS ? null : r.value();
    Byte sign = k == OracleKind.HCMS ? (byte) r.sign() : null;
    return RowFactory.create(reportId, k.name(), epsilon, hashIndex, seed, value, sign, r.bits());
  }

  /** Why a row is not a report at all (before the oracle's own validation). */
  public static final class MalformedRowException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedRowException(String message) {
      super(message);
    }
  }

  /**
   * A report from a row whose first columns are {@link #COLUMNS} in order. Nulls in columns the oracle uses and
   * unknown oracle names are malformed.
   */
  public static Report fromRow(Row row) {
    if (row.isNullAt(1)) {
      throw new MalformedRowException("oracle is null");
    }
    OracleKind k;
    try {
      k = OracleKind.parse(row.getString(1));
    } catch (IllegalArgumentException e) {
      throw new MalformedRowException(e.getMessage());
    }
    int hashIndex = 0;
    long seed = 0;
    int value = 0;
    int sign = 0;
    byte[] bits = null;
    switch (k) {
      case GRR -> value = required(row, 5, "value").intValue();
      case OUE -> bits = requiredBits(row);
      case OLH -> {
        seed = required(row, 4, "seed").longValue();
        value = required(row, 5, "value").intValue();
      }
      case FLH -> {
        hashIndex = required(row, 3, "hash_index").intValue();
        value = required(row, 5, "value").intValue();
      }
      case CMS -> {
        hashIndex = required(row, 3, "hash_index").intValue();
        bits = requiredBits(row);
      }
      case HCMS -> {
        hashIndex = required(row, 3, "hash_index").intValue();
        value = required(row, 5, "value").intValue();
        sign = required(row, 6, "sign").intValue();
      }
    }
    return new Report(k, hashIndex, seed, value, sign, bits);
  }

  private static Number required(Row row, int i, String name) {
    if (row.isNullAt(i)) {
      throw new MalformedRowException(name + " is null");
    }
    return (Number) row.get(i);
  }

  private static byte[] requiredBits(Row row) {
    if (row.isNullAt(7)) {
      throw new MalformedRowException("bits is null");
    }
    return (byte[]) row.get(7);
  }
}
