package org.dpcurate.jobs.estimation;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.dpcurate.jobs.tables.ReportTable;
import org.dpcurate.oracle.OracleKind;
import org.dpcurate.oracle.PayloadField;
import org.dpcurate.oracle.Report;

/**
 * A typed view of one report row as validation reads it ({@link #columns}): whether report_id is null, how the
 * oracle name compares with the published one, the eps, and the payload columns the published oracle uses (the
 * others are read as typed nulls, so Parquet reads and the executors materialize nothing else).
 */
final class ReportRow {
  /** The oracle name is null or no oracle's. */
  static final int ORACLE_UNKNOWN = 0;
  /** The published oracle. */
  static final int ORACLE_PUBLISHED = 1;
  /** Another known oracle. */
  static final int ORACLE_OTHER = 2;

  private static final int REPORT_ID_NULL = 0;
  private static final int ORACLE_CODE = 1;
  private static final int EPSILON = 2;
  private static final int HASH_INDEX = 3;
  private static final int SEED = 4;
  private static final int VALUE = 5;
  private static final int SIGN = 6;
  private static final int BITS = 7;
  /** Where {@link #columns} puts the report_id hash, when asked for. */
  static final int ID_HASH = 8;

  private Row row;

  private ReportRow() {}

  /** A reusable view; {@link #of} points it at the next row. */
  static ReportRow view() {
    return new ReportRow();
  }

  ReportRow of(Row r) {
    row = r;
    return this;
  }

  /**
   * The columns validation reads, in the order this view expects, for reports of {@code kind}; with
   * {@code idHash}, the 64-bit xxhash of report_id (null for a null id) as a last column.
   */
  static Column[] columns(OracleKind kind, boolean idHash) {
    Column name = functions.upper(functions.trim(functions.col("oracle")));
    Column[] known = Arrays.stream(OracleKind.values()).map(k -> functions.lit(k.name())).toArray(Column[]::new);
    Column[] out = new Column[idHash ? ID_HASH + 1 : ID_HASH];
    out[REPORT_ID_NULL] = functions.col("report_id").isNull().as("report_id_null");
    // The exact name first: CASE stops at the first match, so well-formed rows skip trimming and upper-casing
    // (7% of a 100M-report estimate's CPU time before).
    out[ORACLE_CODE] = functions.when(functions.col("oracle").equalTo(kind.name()), ORACLE_PUBLISHED)
        .when(name.equalTo(kind.name()), ORACLE_PUBLISHED).when(name.isin((Object[]) known), ORACLE_OTHER)
        .otherwise(ORACLE_UNKNOWN).as("oracle_code");
    out[EPSILON] = functions.col("epsilon");
    for (int i = HASH_INDEX; i <= BITS; i++) {
      String c = ReportTable.COLUMNS[i];
      out[i] = ReportTable.uses(kind, c) ? functions.col(c)
          : functions.lit(null).cast(ReportTable.SCHEMA.apply(c).dataType()).as(c);
    }
    if (idHash) {
      out[ID_HASH] = functions.when(functions.col("report_id").isNotNull(),
          functions.xxhash64(functions.col("report_id"))).as("id_hash");
    }
    return out;
  }

  boolean reportIdNull() {
    return row.getBoolean(REPORT_ID_NULL);
  }

  int oracleCode() {
    return row.getInt(ORACLE_CODE);
  }

  boolean epsilonNull() {
    return row.isNullAt(EPSILON);
  }

  double epsilon() {
    return row.getDouble(EPSILON);
  }

  /** Only for rows read with the id hash column. */
  boolean idHashNull() {
    return row.isNullAt(ID_HASH);
  }

  long idHash() {
    return row.getLong(ID_HASH);
  }

  /** The report of a {@code kind} row; a null where {@code kind} uses a column is {@link MalformedRowException}. */
  Report toReport(OracleKind kind) {
    int hashIndex = PayloadField.HASH_INDEX.usedBy(kind) ? required(HASH_INDEX, "hash_index").intValue() : 0;
    long seed = PayloadField.SEED.usedBy(kind) ? required(SEED, "seed").longValue() : 0;
    int value = PayloadField.VALUE.usedBy(kind) ? required(VALUE, "value").intValue() : 0;
    int sign = PayloadField.SIGN.usedBy(kind) ? required(SIGN, "sign").intValue() : 0;
    byte[] bits = null;
    if (PayloadField.BITS.usedBy(kind)) {
      if (row.isNullAt(BITS)) {
        throw new MalformedRowException("bits is null");
      }
      bits = (byte[]) row.get(BITS);
    }
    return new Report(kind, hashIndex, seed, value, sign, bits);
  }

  private Number required(int i, String name) {
    if (row.isNullAt(i)) {
      throw new MalformedRowException(name + " is null");
    }
    return (Number) row.get(i);
  }

  /** A row that is not a report at all (before the oracle's own validation). */
  static final class MalformedRowException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedRowException(String message) {
      super(message);
    }
  }
}
