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

  /** A 128-bit report id as 32 hex digits. */
  public static String reportId(long high, long low) {
    return hex(high) + hex(low);
  }

  private static String hex(long v) {
    String h = Long.toHexString(v);
    return "0".repeat(16 - h.length()) + h;
  }

  /** The columns each oracle fills; the rest are null. */
  public static Row toRow(String reportId, Report r, double epsilon) {
    OracleKind k = r.oracle();
    Integer hashIndex = k == OracleKind.FLH || k == OracleKind.CMS || k == OracleKind.HCMS ? r.hashIndex() : null;
    Long seed = k == OracleKind.OLH ? r.seed() : null;
    Integer value = uses(k, "value") ? r.value() : null;
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
    try {
      return fromPayload(OracleKind.parse(row.getString(1)), row);
    } catch (IllegalArgumentException e) {
      throw new MalformedRowException(e.getMessage());
    }
  }

  /** Whether {@code kind} reports use payload column {@code column} (3..7 of {@link #COLUMNS}). */
  public static boolean uses(OracleKind kind, String column) {
    return switch (column) {
      case "hash_index" -> kind == OracleKind.FLH || kind == OracleKind.CMS || kind == OracleKind.HCMS;
      case "seed" -> kind == OracleKind.OLH;
      case "value" -> kind != OracleKind.OUE && kind != OracleKind.CMS && kind != OracleKind.SS;
      case "sign" -> kind == OracleKind.HCMS;
      case "bits" -> kind == OracleKind.OUE || kind == OracleKind.CMS || kind == OracleKind.SS;
      default -> true;
    };
  }

  /** A {@code kind} report from the payload columns 3..7 of {@code row}; a null where one is used is malformed. */
  public static Report fromPayload(OracleKind kind, Row row) {
    int hashIndex = uses(kind, "hash_index") ? required(row, 3, "hash_index").intValue() : 0;
    long seed = uses(kind, "seed") ? required(row, 4, "seed").longValue() : 0;
    int value = uses(kind, "value") ? required(row, 5, "value").intValue() : 0;
    int sign = uses(kind, "sign") ? required(row, 6, "sign").intValue() : 0;
    byte[] bits = uses(kind, "bits") ? requiredBits(row) : null;
    return new Report(kind, hashIndex, seed, value, sign, bits);
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
