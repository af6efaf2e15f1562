package org.dpcurate.jobs.tables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.download.PrincipalProjection;
import org.dpcurate.jobs.warehouse.Manifest;
import org.dpcurate.jobs.warehouse.PublishedConfig;
import org.dpcurate.jobs.warehouse.Warehouse;

/**
 * The basis of a projected round's download (docs/protocol.md "Projected download"): one row per principal axis,
 * its int8 components and scale, and the projected pool mean a device adds back to every decoded code.
 */
public final class DownloadBasisTable {
  private DownloadBasisTable() {}

  public static final String NAME = "download_basis";

  public static final StructType SCHEMA = new StructType()
      .add("axis", DataTypes.IntegerType, false)
      .add("axis_int8", DataTypes.BinaryType, false)
      .add("axis_scale", DataTypes.FloatType, false)
      .add("mean", DataTypes.FloatType, false);

  static void write(Warehouse w, String campaign, LocalDate ds, PublishedConfig published,
      PrincipalProjection projection) {
    List<Row> rows = new ArrayList<>(projection.axes());
    for (int a = 0; a < projection.axes(); a++) {
      rows.add(RowFactory.create(a, projection.axis(a), projection.axisScale(a), projection.mean(a)));
    }
    w.commit(w.spark().createDataFrame(rows, SCHEMA).coalesce(1), NAME, campaign, ds,
        Manifest.ofRound(published.round()).set("config_hash", published.hash())
            .count("axes", projection.axes()).count("dimension", projection.dimension())
            .count("bytes", PrincipalProjection.basisBytes(projection.axes(), projection.dimension())));
  }
}
