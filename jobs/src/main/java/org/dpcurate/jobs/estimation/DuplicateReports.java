package org.dpcurate.jobs.estimation;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.dpcurate.jobs.tables.ReportTable;

/**
 * Splits reports whose report_id hash repeats into the copy that counts and the extra copies. Equal hashes are only
 * candidates: the ids themselves are compared. Of several reports with one id, the one first in payload order
 * (oracle, epsilon, hash_index, seed, value, sign, bits, ascending) counts, so the choice does not depend on how the
 * files were split.
 *
 * @param counted every report that counts: the ids that never repeat and one copy of each repeated id
 * @param extras the other copies, with their reason and detail (the quarantine columns)
 */
record DuplicateReports(Dataset<Row> counted, Dataset<Row> extras) {

  static DuplicateReports split(Dataset<Row> reports, List<Long> repeatedHashes) {
    Column[] select = Arrays.stream(ReportTable.COLUMNS).map(functions::col).toArray(Column[]::new);
    Dataset<Row> repeated = reports.sparkSession().createDataset(repeatedHashes, Encoders.LONG()).toDF("h");
    Dataset<Row> hashed = reports.withColumn("h", functions.xxhash64(functions.col("report_id")));
    Dataset<Row> suspects = hashed.join(functions.broadcast(repeated), "h", "left_semi").drop("h");
    Dataset<Row> numbered = suspects.withColumn("copy", functions.row_number().over(
        Window.partitionBy("report_id").orderBy("oracle", "epsilon", "hash_index", "seed", "value", "sign", "bits")));
    Dataset<Row> counted = hashed.join(functions.broadcast(repeated), "h", "left_anti").select(select)
        .unionByName(numbered.where("copy = 1").drop("copy").select(select));
    Dataset<Row> extras = numbered.where("copy > 1").drop("copy").select(select)
        .withColumn("reason", functions.lit(Rejection.DUPLICATE_REPORT_ID.name()))
        .withColumn("detail", functions.lit("another report has this report_id"));
    return new DuplicateReports(counted, extras);
  }
}
