package org.dpcurate.jobs.tables;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.client.UploadRecord;
import org.dpcurate.oracle.OracleKind;
import org.dpcurate.oracle.PayloadField;
import org.dpcurate.oracle.Report;

/**
 * The archived report table of docs/protocol.md: one row per device report, the payload columns each oracle fills
 * and the conversion of a {@link Report} into a row. Reading rows back is the estimation's job
 * ({@code jobs.estimation.ReportRow}).
 */
public final class ReportTable {
  private ReportTable() {}

  public static final String NAME = "reports";

  /** Columns of the data files; campaign and ds are the partition directories. */
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

  /** A 128-bit report id as 32 lower-case hex digits. */
  public static String reportId(long high, long low) {
    return UploadRecord.reportId(high, low);
  }

  /** The row of a report; the payload columns {@code r}'s oracle does not use are null. */
  public static Row toRow(String reportId, Report r, double epsilon) {
    OracleKind k = r.oracle();
    Integer hashIndex = PayloadField.HASH_INDEX.usedBy(k) ? r.hashIndex() : null;
    Long seed = PayloadField.SEED.usedBy(k) ? r.seed() : null;
    Integer value = PayloadField.VALUE.usedBy(k) ? r.value() : null;
    Byte sign = PayloadField.SIGN.usedBy(k) ? (byte) r.sign() : null;
    return RowFactory.create(reportId, k.name(), epsilon, hashIndex, seed, value, sign, r.bits());
  }

  /** Whether {@code kind} reports use payload column {@code column} (hash_index, seed, value, sign, bits). */
  public static boolean uses(OracleKind kind, String column) {
    for (PayloadField f : PayloadField.values()) {
      if (f.column().equals(column)) {
        return f.usedBy(kind);
      }
    }
    return true;
  }
}
